namespace ShadowProxy.Gateway.Demo;

internal sealed record DemoSettings
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public double Rate { get; init; } = 20;

    public int Seed { get; init; } = 1;

    public TimeSpan DriftAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Drift bucket length: short, so a one-minute demo spans enough buckets to show a verdict.</summary>
    public TimeSpan DriftBucket { get; init; } = TimeSpan.FromSeconds(5);

    public Uri? PrimaryUrl { get; init; }

    public string PrimaryModel { get; init; } = "gpt-4o";

    public string ApiKey { get; init; } = "sk-demo-not-a-real-key";

    /// <summary>Share of simulated baseline calls that fail (500s, hangs, garbage, stalled streams): for soak runs.</summary>
    public double BaselineFaultRate { get; init; }

    public Uri? BaselineUrl { get; init; }

    public string? BaselineModel { get; init; }

    public string? BaselineApiKey { get; init; }

    /// <summary>Listener addresses; the defaults pick free loopback ports.</summary>
    public string ProxyListener { get; init; } = "http://127.0.0.1:0";

    public string AdminListener { get; init; } = "http://127.0.0.1:0";
}
