using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>The gateway as a .NET tool: packed from this build, installed from a local package source only.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task PackedTool_InstallsFromALocalSource_AndRunsAsShadowproxy()
    {
        var work = Directory.CreateTempSubdirectory("shadowproxy-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var project = Path.Combine(RepoPaths.Root, "src", "ShadowProxy.Gateway", "ShadowProxy.Gateway.csproj");
            var limit = TimeSpan.FromMinutes(3);
            var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "--no-build", "-c", "Debug", "-o", packages, "--nologo"], work, limit);
            Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

            // Only the local folder as a source: what is installed is exactly what was packed.
            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
                """, TestContext.Current.CancellationToken);
            var tools = Path.Combine(work, "tools");
            var install = await ProcessRunner.RunAsync("dotnet",
                ["tool", "install", "ShadowProxy", "--version", BuildInfo.Version, "--tool-path", tools, "--configfile", config], work, limit);
            Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);

            var shadowproxy = Path.Combine(tools, "shadowproxy");
            var version = await ProcessRunner.RunAsync(shadowproxy, ["--version"], work, TimeSpan.FromSeconds(60));
            var check = await ProcessRunner.RunAsync(shadowproxy, ["config", "check"], work, TimeSpan.FromSeconds(60));

            Assert.StartsWith(BuildInfo.Version, version.Stdout.Trim(), StringComparison.Ordinal);
            Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
            Assert.Contains("is valid", check.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
