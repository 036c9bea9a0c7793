using ShadowProxy.Gateway.Commands;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Commands;

/// <summary>`replay --fail-on drift` gates a pipeline on real recordings: GPT-4 March vs June drifts, a model against itself does not.</summary>
public sealed class ReplayCommandTests
{
    [Theory]
    [InlineData("openaichat/gpt-4-0613", "drift", 3)]
    [InlineData("openaichat/gpt-4-0613", "none", 0)]
    [InlineData("openaichat/gpt-4-0314", "drift", 0)]
    public async Task FailOnDrift_ExitsThreeOnlyWhenAMetricIsInDrift(string primary, string failOn, int expected)
    {
        var file = RepoPaths.RequireLlmDriftFile("PRIME_FULL_EVAL.csv");

        var exit = await ShadowProxyCommandLine.Create()
            .Parse(["replay", file, "--baseline", "openaichat/gpt-4-0314", "--primary", primary, "--format", "json", "--fail-on", failOn])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, exit);
    }

    [Fact]
    public async Task DotnetRun_ResolvesARelativeFileAgainstTheCallersDirectory()
    {
        // The README's way of running: `dotnet run --project src/ShadowProxy.Gateway -- replay data.csv` from anywhere.
        var work = Directory.CreateTempSubdirectory("shadowproxy-run-").FullName;
        File.Copy(RepoPaths.RequireLlmDriftFile("PRIME_FULL_EVAL.csv"), Path.Combine(work, "data.csv"));
        var project = Path.Combine(RepoPaths.Root, "src", "ShadowProxy.Gateway");

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet",
            ["run", "--no-build", "--project", project, "--", "replay", "data.csv", "--baseline", "openaichat/gpt-4-0314", "--primary", "openaichat/gpt-4-0613", "--format", "json"],
            work, TimeSpan.FromMinutes(2));

        Directory.Delete(work, recursive: true);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("\"pairs\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailOn_UnknownValue_IsRefused()
    {
        var exit = await ShadowProxyCommandLine.Create()
            .Parse(["replay", "x.csv", "--baseline", "a", "--primary", "b", "--fail-on", "sometimes"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
    }
}
