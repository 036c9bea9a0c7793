using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Commands;

/// <summary>`shadowproxy config check` and the command line's own mistakes, through the real executable.</summary>
public sealed class ConfigCommandTests
{
    private static string TempFile(string json)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("shadowproxy-config-").FullName, "gateway.json");
        File.WriteAllText(file, json);
        return file;
    }

    [Fact]
    public async Task ConfigCheck_ValidFile_ExitsZero()
    {
        var file = TempFile("""{"Shadowing":{"Routes":{"openai":{"SampleRate":0.2,"Baseline":{"Address":"https://api.openai.com/","Model":"gpt-4o-2024-08-06"}}}}}""");

        var result = await ProcessRunner.RunGatewayAsync(["config", "check", "--config", file]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is valid for --role all", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_BadFile_ExitsTwoListingEveryProblem()
    {
        var file = TempFile("""
            {"Evidence":{"TtlDays":3},
             "Shadowing":{"Routes":{"openai":{"SampleRate":7,"Baseline":{"Address":"https://api.openai.com/","Model":"m"}}}}}
            """);

        var result = await ProcessRunner.RunGatewayAsync(["config", "check", "--config", file, "--Drift:BucketDuraton=00:05:00"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("3 problem(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Evidence:TtlDays: unknown setting; did you mean Evidence:Ttl?", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Drift:BucketDuraton: unknown setting; did you mean Drift:BucketDuration?", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Shadowing:Routes:openai:SampleRate: 7 must be between 0 and 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_FileThatIsNotJson_ExitsTwoNamingIt()
    {
        var file = TempFile("""{"Shadowing": {""");

        var result = await ProcessRunner.RunGatewayAsync(["config", "check", "--config", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--config: '{file}' is not a valid JSON configuration file", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--confg", "--confg: unknown option; did you mean --config?")]
    [InlineData("--rol", "--rol: unknown option; did you mean --role?")]
    [InlineData("--TtlDays", "--TtlDays: unknown option; settings are given with their section")]
    public async Task Serve_UnknownOption_RefusesToStartNamingIt(string option, string message)
    {
        var file = TempFile("{}");

        var result = await ProcessRunner.RunGatewayAsync(["serve", option, file, "--Listeners:Proxy=http://127.0.0.1:0", "--Listeners:Admin=http://127.0.0.1:0"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
