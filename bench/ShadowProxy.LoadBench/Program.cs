using ShadowProxy.LoadBench.Compare;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Soak;

// shadowproxy-bench compare [--quick] [--rounds N] [--stage-seconds S] [--systems a,b] [--out DIR]
// shadowproxy-bench soak [--seconds 600] [--rate 40] [--fault-share 0.1] [--out DIR]
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
    Console.Error.WriteLine("usage: shadowproxy-bench compare|soak [options]   (see bench/README.md)");
    return 2;
}
