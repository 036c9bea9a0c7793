using ShadowProxy.Simulator.Hosting;

// shadowproxy-simulator [--urls http://127.0.0.1:5001] [--profile march|june|instant|replay] [--seed N]
//                       [--replay-file PRIME_FULL_EVAL.csv --replay-model openaichat/gpt-4-0613]
//                       [--ttft-ms N] [--token-interval-ms N] [--reasoning-words N] [--fault hang|serverError|...]
//                       [--fault-share 0.1] [--pace all|streams]
var options = SimulatorCommandLine.Parse(args);
await using var server = await SimulatorServer.StartAsync(options);
Console.WriteLine($"simulator '{options.Profile.Name}' serving {options.Profile.Model} at {server.BaseUri}v1");

// A completion source rather than a CancellationTokenSource: ProcessExit fires after Main returns, when a
// disposed token source would throw ObjectDisposedException; completing twice is harmless.
var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;
