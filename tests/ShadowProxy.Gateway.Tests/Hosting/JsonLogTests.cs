using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>The chart's `telemetry.logFormat: json` renders Logging:Console:FormatterName=json; the real binary honours it.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonConsoleFormatter_WritesOneJsonObjectPerLine()
    {
        using var serve = ProcessRunner.Start("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll"), "serve",
            "--Listeners:Proxy=http://127.0.0.1:0", "--Listeners:Admin=http://127.0.0.1:0",
            "--Logging:Console:FormatterName=json", "--Logging:LogLevel:Default=Information",
        ], AppContext.BaseDirectory, out var stdout, out var stderr);
        try
        {
            string[] Lines()
            {
                lock (stdout)
                {
                    return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                }
            }

            await Eventually.TrueAsync(() => Task.FromResult(Lines().Length >= 2), TimeSpan.FromSeconds(30), () => $"start-up log lines; {stderr}");

            Assert.All(Lines(), line =>
            {
                using var entry = JsonDocument.Parse(line);
                Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
                Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            });
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
        }
    }
}
