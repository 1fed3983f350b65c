using CloudPe.Operator.Crds;
using CloudPe.Operator.Hosting;

if (GenerateCrdsCommand.Matches(args))
{
    return GenerateCrdsCommand.Run(args[1..], Console.Out, Console.Error);
}

return await OperatorHost.RunAsync(args);
