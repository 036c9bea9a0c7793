using System.CommandLine;
using ShadowProxy.Gateway.Demo;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy demo`: the gateway, simulated primary and baseline models and live traffic, in one process.</summary>
internal static class DemoCommand
{
    private static readonly Option<int> DurationOption = new("--duration")
    {
        Description = "Seconds to run before printing the summary (Ctrl+C stops earlier).",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<double> RateOption = new("--rate")
    {
        Description = "Requests per second the traffic generator sends.",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<int> SeedOption = new("--seed") { Description = "Seed for traffic and simulated models.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> DriftAfterOption = new("--drift-after")
    {
        Description = "Seconds until the simulated primary starts behaving like a different model.",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<Uri?> PrimaryUrlOption = UrlOption.Create("--primary-url", "A real OpenAI-compatible upstream root for the primary (instead of the simulator), e.g. https://api.openai.com/.");
    private static readonly Option<string?> PrimaryModelOption = new("--primary-model") { Description = "Model the traffic asks for." };
    private static readonly Option<double> BaselineFaultsOption = new("--baseline-faults")
    {
        Description = "Share (0-1) of simulated baseline calls that fail: 500s, hangs, garbage bytes, stalled streams.",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<Uri?> BaselineUrlOption = UrlOption.Create("--baseline-url", "A real OpenAI-compatible upstream root for the pinned baseline (instead of the simulator).");
    private static readonly Option<string?> BaselineModelOption = new("--baseline-model") { Description = "The pinned baseline model (with --baseline-url)." };
    private static readonly Option<string?> BaselineKeyOption = new("--baseline-key") { Description = "API key for the baseline (or set SHADOWPROXY_BASELINE_API_KEY)." };
    private static readonly Option<string?> ApiKeyOption = new("--api-key") { Description = "API key sent by the demo client (or set OPENAI_API_KEY)." };

    public static Command Create()
    {
        var demo = new Command("demo", "Show ShadowProxy end to end on simulated models (works offline).");
        demo.Options.Add(DurationOption);
        demo.Options.Add(RateOption);
        demo.Options.Add(SeedOption);
        demo.Options.Add(DriftAfterOption);
        demo.Options.Add(PrimaryUrlOption);
        demo.Options.Add(PrimaryModelOption);
        demo.Options.Add(ApiKeyOption);
        demo.Options.Add(BaselineFaultsOption);
        demo.Options.Add(BaselineUrlOption);
        demo.Options.Add(BaselineModelOption);
        demo.Options.Add(BaselineKeyOption);
        demo.SetAction(async (parseResult, cancellationToken) =>
        {
            using var signals = new TerminationSignals(cancellationToken);
            return await new DemoRunner(Settings(parseResult), Console.Out).RunAsync(signals.Token);
        });
        return demo;
    }

    private static DemoSettings Settings(ParseResult parseResult) => new()
    {
        Duration = TimeSpan.FromSeconds(parseResult.GetValue(DurationOption)),
        Rate = parseResult.GetValue(RateOption),
        Seed = parseResult.GetValue(SeedOption),
        DriftAfter = TimeSpan.FromSeconds(parseResult.GetValue(DriftAfterOption)),
        PrimaryUrl = parseResult.GetValue(PrimaryUrlOption),
        PrimaryModel = parseResult.GetValue(PrimaryModelOption) ?? "gpt-4o",
        ApiKey = parseResult.GetValue(ApiKeyOption) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "sk-demo-not-a-real-key",
        BaselineFaultRate = Math.Clamp(parseResult.GetValue(BaselineFaultsOption), 0, 1),
        BaselineUrl = parseResult.GetValue(BaselineUrlOption),
        BaselineModel = parseResult.GetValue(BaselineModelOption),
        BaselineApiKey = parseResult.GetValue(BaselineKeyOption) ?? Environment.GetEnvironmentVariable("SHADOWPROXY_BASELINE_API_KEY"),
    };
}
