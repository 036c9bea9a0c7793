using ShadowProxy.LoadBench.Compare;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Memory;
using ShadowProxy.LoadBench.Soak;

// shadowproxy-bench compare [--quick] [--rounds N] [--stage-seconds S] [--systems a,b] [--out DIR]
// shadowproxy-bench soak [--seconds 600] [--rate 40] [--fault-share 0.1] [--out DIR]
// shadowproxy-bench memory [--hung-seconds 60] [--hung-clients 64] [--answer-mib 3] [--rounds 3] [--streams 200] [--max-buffered-mib 256]
// Normally started by bench/run.sh, which builds every system and pins this process to the load core.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var arguments = new BenchArguments(args);
try
{
    return arguments.Command switch
    {
        "compare" => await new CompareCommand(CompareSettings.From(arguments), BenchLayout.Discover()).RunAsync(stop.Token),
        "soak" => await new SoakCommand(SoakSettings.From(arguments), BenchLayout.Discover()).RunAsync(stop.Token),
        "memory" => await new MemoryCommand(MemorySettings.From(arguments), BenchLayout.Discover()).RunAsync(stop.Token),
        _ => Usage(),
    };
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"shadowproxy-bench: {error.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: shadowproxy-bench compare|soak|memory [options]   (see bench/README.md)");
    return 2;
}
