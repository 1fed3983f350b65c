using CloudPe.Benchmarks.Fleet;
using CloudPe.Benchmarks.Micro;

// fleet: scenario runs against the emulator and simulators; micro: BenchmarkDotNet; the other two modes are the
// child processes the fleet command starts.
var rest = args.Skip(1).ToList();
return args.FirstOrDefault() switch
{
    "fleet" => await FleetCommand.RunAsync(rest),
    "micro" => MicroCommand.Run([.. rest]),
    OperatorProcess.Mode => await OperatorProcess.RunAsync(rest),
    BaselinePoller.Mode => await BaselinePoller.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: CloudPe.Benchmarks fleet [--sizes 100,1000] [--servers 1,10] [--build-latency 30s] [--resyncs 3] [--resync-interval 10s] [--modes operator,baseline] [--runtime-env NAME=VALUE,...]");
    Console.Error.WriteLine("       CloudPe.Benchmarks micro [BenchmarkDotNet options, e.g. --filter *]");
    return 2;
}
