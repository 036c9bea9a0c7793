using ShadowProxy.Simulator.Hosting;

// shadowproxy-simulator [--urls http://127.0.0.1:5001] [--profile march|june|instant|replay] [--seed N]
//                       [--replay-file PRIME_FULL_EVAL.csv --replay-model openaichat/gpt-4-0613]
//                       [--ttft-ms N] [--token-interval-ms N] [--reasoning-words N] [--fault hang|serverError|...]
//                       [--fault-share 0.1] [--pace all|streams]
//                       [--ttft-ms N] [--token-interval-ms N] [--reasoning-words N] [--fault hang|serverError|...]
//                       [--fault-share 0.1] [--pace all|streams]
var options = SimulatorCommandLine.Parse(args);
await using var server = await SimulatorServer.StartAsync(options);
Console.WriteLine($"simulator '{options.Profile.Name}' serving {options.Profile.Model} at {server.BaseUri}v1");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
