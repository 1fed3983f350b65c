namespace CloudPe.Controllers;

/// <summary>Creates a controller from the service provider when the manager starts.</summary>
internal interface IControllerRegistration
{
    IControllerRunner Create(IServiceProvider services);
}
