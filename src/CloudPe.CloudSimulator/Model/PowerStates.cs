namespace CloudPe.CloudSimulator.Model;

internal static class PowerStates
{
    public const int NoState = 0;
    public const int Running = 1;
    public const int Shutdown = 4;
    public const int Suspended = 7;
}
