using System.Globalization;
using System.Net.Sockets;

namespace CloudPe.KubeEmulator.Hosting;

/// <summary>The standalone entry point: parse arguments, start, pre-apply manifests, run until Ctrl+C or SIGTERM.</summary>
internal static class CommandLine
{
    private const string Usage = """
        usage: CloudPe.KubeEmulator --kubeconfig PATH [--port N] [--no-tls] [--apply DIR_OR_FILE ...]
               CloudPe.KubeEmulator --bench [--objects N] [--watches N]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? kubeconfig = null;
        var options = new EmulatorOptions();
        var apply = new List<string>();
        var bench = false;
        int objects = 10_000, watches = 100;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--kubeconfig":
                        kubeconfig = Next(args, ref i);
                        break;
                    case "--port":
                        options.Port = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "--no-tls":
                        options.UseTls = false;
                        break;
                    case "--apply":
                        apply.Add(Next(args, ref i));
                        break;
                    case "--bench":
                        bench = true;
                        break;
                    case "--objects":
                        objects = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "--watches":
                        watches = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new FormatException($"unknown argument {args[i]}");
                }
            }
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\n{Usage}");
            return 2;
        }

        if (bench)
        {
            return await Benchmark.RunAsync(objects, watches);
        }

        if (kubeconfig is null)
        {
            await Console.Error.WriteLineAsync($"error: --kubeconfig is required\n{Usage}");
            return 2;
        }

        KubeEmulatorHost host;
        try
        {
            host = await KubeEmulatorHost.StartAsync(options);
        }
        catch (IOException ex)
        {
            // Kestrel wraps AddressInUseException (or a SocketException) in an IOException.
            var reason = ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || ex.InnerException?.GetType().Name == "AddressInUseException"
                    ? "address already in use"
                    : ex.InnerException?.Message ?? ex.Message;
            await Console.Error.WriteLineAsync($"error: cannot listen on {options.ListenAddress}:{options.Port}: {reason}");
            return 1;
        }

        await using (host)
        {
            var path = host.WriteKubeconfig(kubeconfig);
            foreach (var source in apply)
            {
                var applied = await ManifestApplier.ApplyAsync(host, source);
                Console.WriteLine($"applied {applied} object(s) from {source}");
            }

            Console.WriteLine($"Kubernetes API emulator listening on {host.BaseUri}");
            Console.WriteLine($"export KUBECONFIG={path}");
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopping");
            }
        }

        return 0;
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new FormatException($"{args[i - 1]} needs a value");
}
