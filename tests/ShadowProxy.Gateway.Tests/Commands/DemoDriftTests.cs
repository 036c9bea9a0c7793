using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Demo;

namespace ShadowProxy.Gateway.Tests.Commands;

public sealed partial class DemoDriftTests
{
    private static readonly string[] Touched = ["code_fenced", "length_log_ratio", "refusal"];
    private static readonly string[] Untouched = ["json_valid", "schema_valid", "truncated", "answer_extracted"];

    [Fact]
    public async Task DemoForAFixedDuration_EndsWithDriftOnTheChangedMetricsOnly()
    {
        var output = new StringWriter();
        var settings = new DemoSettings
        {
            Duration = TimeSpan.FromSeconds(30),
            DriftAfter = TimeSpan.FromSeconds(8),
            DriftBucket = TimeSpan.FromSeconds(2),
            Rate = 50,
            Seed = 3,
        };

        var exit = await new DemoRunner(settings, output).RunAsync(TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Equal(0, exit);
        var states = StateRow().Matches(text).ToDictionary(m => m.Groups["metric"].Value, m => m.Groups["state"].Value);
        Assert.All(Touched, metric => Assert.True(states.GetValueOrDefault(metric) == "DRIFT", $"{metric}: {states.GetValueOrDefault(metric)}\n{text}"));
        Assert.All(Untouched, metric => Assert.True(states.GetValueOrDefault(metric) is "OK" or "WARNING", $"{metric}: {states.GetValueOrDefault(metric)}\n{text}"));
        Assert.Contains("the provider silently swapped the primary model", text, StringComparison.Ordinal);
        // Length PSI is descriptive: it shows the lengths moved, but only paired metrics raise drift.
        Assert.Equal("OK", states["length_psi"]);
    }

    [Fact]
    public async Task DemoBeforeTheSwap_NeverWarnsOrDrifts_OverTwentySeeds()
    {
        var flagged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForAsync(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (seed, token) =>
        {
            var output = new StringWriter();
            var settings = new DemoSettings
            {
                Duration = TimeSpan.FromSeconds(8),
                DriftAfter = TimeSpan.FromHours(1),
                DriftBucket = TimeSpan.FromSeconds(1),
                Rate = 50,
                Seed = 100 + seed,
            };

            Assert.Equal(0, await new DemoRunner(settings, output).RunAsync(token));
            var text = output.ToString();
            Assert.Contains("no drift", text, StringComparison.Ordinal);
            if (text.Contains("DRIFT", StringComparison.Ordinal) || text.Contains("WARNING", StringComparison.Ordinal))
            {
                flagged.Add($"seed {100 + seed}:\n{text}");
            }
        });

        Assert.True(flagged.IsEmpty, string.Join("\n\n", flagged));
    }

    [GeneratedRegex(@"^\s+(?<metric>[a-z_]+)\s+\S+\s+\S+\s+\S+\s+(?<state>OK|WARNING|DRIFT|WARMING_UP)", RegexOptions.Multiline)]
    private static partial Regex StateRow();
}
