using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>One version from Directory.Build.props: the binary, its build_info metric, the chart's appVersion and the image label agree.</summary>
public sealed partial class VersionTests
{
    [Fact]
    public void BinaryVersion_IsTheOneInDirectoryBuildProps_AndTheChartsAppVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var chart = File.ReadAllText(Path.Combine(RepoPaths.Root, "charts", "shadowproxy", "Chart.yaml"));
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));

        var declared = VersionPrefix().Match(props).Groups[1].Value;

        Assert.Matches(@"^\d+\.\d+\.\d+$", declared);
        Assert.Equal(declared, BuildInfo.Version);
        Assert.Equal(declared, AppVersion().Match(chart).Groups[1].Value);
        Assert.Equal(declared, ImageVersion().Match(dockerfile).Groups[1].Value);
        Assert.Contains("org.opencontainers.image.version=\"${VERSION}\"", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CarryBuildInfo()
    {
        await using var primary = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri);
        using var admin = gateway.AdminClient();

        var metrics = await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken);

        Assert.Matches($@"shadowproxy_build_info\{{version=""{Regex.Escape(BuildInfo.Version)}"",revision=""(?:[0-9a-f]{{7,40}}|unknown)""\}} 1", metrics);
    }

    [GeneratedRegex(@"<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex(@"(?m)^ARG VERSION=(\S+)$")]
    private static partial Regex ImageVersion();

    [GeneratedRegex(@"(?m)^appVersion:\s*""?([^""\s]+)""?")]
    private static partial Regex AppVersion();
}
