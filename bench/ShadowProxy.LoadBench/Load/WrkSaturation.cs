using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Systems;

namespace ShadowProxy.LoadBench.Load;

/// <summary>Saturation throughput from wrk (closed loop, many connections), with the system's CPU over the same span.</summary>
internal static partial class WrkSaturation
{
    public const int Connections = 64;

    public static async Task<SaturationResult> RunAsync(
        RunningSystem system, Workload workload, TimeSpan duration, string workDirectory, CancellationToken cancellationToken)
    {
        // One script per run: two systems may be saturated at once (side by side).
        var script = Path.Combine(workDirectory, $"wrk-post-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(system, workload), cancellationToken);
        var cpuBefore = system.ProcessId is { } id ? ProcessMeter.CpuSeconds(id) : 0;

        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t1", $"-c{Connections}", $"-d{(int)duration.TotalSeconds}s", "-s", script, new Uri(system.OpenAiBase, "chat/completions").ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        string output;
        using (var wrk = Process.Start(start) ?? throw new InvalidOperationException("could not start wrk"))
        {
            output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
        }

        File.Delete(script);
        var cpu = system.ProcessId is { } after ? ProcessMeter.CpuSeconds(after) - cpuBefore : (double?)null;

        var requests = Match(RequestsPattern(), output);
        var failed = Match(Non2xxPattern(), output) + Match(SocketErrorsPattern(), output);
        var perSecond = double.Parse(RatePattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new SaturationResult(
            perSecond, (long)requests, (long)failed,
            cpu is { } seconds ? seconds * 1000 / Math.Max(1, requests) : null,
            cpu is { } used ? used / duration.TotalSeconds : null);
    }

    /// <summary>Escapes for a Lua single-quoted string: the body is JSON, so only backslashes and quotes matter.</summary>
    private static string Script(RunningSystem system, Workload workload)
    {
        static string Lua(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        var script = new StringBuilder();
        script.AppendLine("wrk.method = 'POST'");
        script.AppendLine("wrk.headers['Content-Type'] = 'application/json'");
        script.AppendLine("wrk.headers['Authorization'] = 'Bearer sk-bench-not-a-secret'");
        foreach (var (name, value) in system.Headers)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers['{Lua(name)}'] = '{Lua(value)}'");
        }

        script.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = '{Lua(Encoding.UTF8.GetString(workload.Body))}'");
        return script.ToString();
    }

    private static double Match(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match
            ? match.Groups.Values.Skip(1).Sum(g => g.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : 0)
            : 0;

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxPattern();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsPattern();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RatePattern();
}

/// <summary>wrk's throughput, failures, and the system's CPU milliseconds per request and cores busy meanwhile.</summary>
internal sealed record SaturationResult(double RequestsPerSecond, long Requests, long Failed, double? CpuMsPerRequest, double? CoresBusy);
