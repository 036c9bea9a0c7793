using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Demo;

namespace ShadowProxy.Gateway.Tests.Commands;

public sealed partial class DemoDriftTests
{
    private static readonly string[] Touched = ["code_fenced", "length_log_ratio", "refusal", "length_psi"];
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
    }

    [GeneratedRegex(@"^\s+(?<metric>[a-z_]+)\s+\S+\s+\S+\s+\S+\s+(?<state>OK|WARNING|DRIFT)", RegexOptions.Multiline)]
    private static partial Regex StateRow();
}
