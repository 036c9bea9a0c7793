using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Commands;

public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_ProxiesTrafficAndStopsCleanlyOnCtrlC()
    {
        var shadowproxy = Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll");
        // A background process inherits an ignored SIGINT; `env --default-signal` gives it a terminal's Ctrl+C.
        using var demo = ProcessRunner.Start("env", ["--default-signal=INT", "dotnet", shadowproxy, "demo", "--duration", "300", "--rate", "25"], AppContext.BaseDirectory, out var stdout, out var stderr);
        try
        {
            await Eventually.TrueAsync(() => OkCount(stdout) > 20, TimeSpan.FromSeconds(60), "20 answered demo requests");

            using var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
            using var exitLimit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await demo.WaitForExitAsync(exitLimit.Token);
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true);
            }
        }

        var output = Text(stdout);
        Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}\n{output}\n{Text(stderr)}");
        Assert.Matches(DoneLine(), output);
        Assert.DoesNotContain("Unhandled exception", Text(stderr), StringComparison.Ordinal);
    }

    private static long OkCount(System.Text.StringBuilder stdout) =>
        OkPattern().Matches(Text(stdout)).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    private static string Text(System.Text.StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    [GeneratedRegex(@" ok +(\d+)")]
    private static partial Regex OkPattern();

    [GeneratedRegex(@"Done: \d+ requests, \d+ ok, 0 errors")]
    private static partial Regex DoneLine();
}
