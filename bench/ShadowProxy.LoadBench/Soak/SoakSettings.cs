using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Soak;

internal sealed record SoakSettings(TimeSpan Duration, double Rate, double FaultShare, int BaselineConcurrency, string Output)
{
    public static SoakSettings From(BenchArguments arguments)
    {
        var settings = new SoakSettings(
            TimeSpan.FromSeconds(arguments.Number("--seconds", 600)),
            arguments.Number("--rate", 40),
            arguments.Number("--fault-share", 0.1),
            (int)arguments.Number("--baseline-concurrency", 64),
            arguments.Text("--out") ?? Path.Combine("bench", "results", "soak"));
        arguments.RejectUnknown();
        return settings.FaultShare > 1 ? throw new ArgumentException("--fault-share is a share of requests (0–1).") : settings;
    }
}
