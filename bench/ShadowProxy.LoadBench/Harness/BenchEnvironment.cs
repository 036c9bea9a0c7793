using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ShadowProxy.LoadBench.Harness;

/// <summary>The machine and versions a report was measured on.</summary>
internal sealed record BenchEnvironment(string Date, string Cpu, int Cores, string Kernel, string Dotnet, string Nginx, string Node, string Wrk)
{
    public static BenchEnvironment Read() => new(
        DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        FirstLine("nginx", "-v"),
        FirstLine("node", "--version"),
        FirstLine("wrk", "--version"));

    public string Describe() =>
        $"Measured {Date} on {Cores} × {Cpu}, {Kernel}; {Dotnet}; {Nginx}; Node {Node}; {Wrk}. " +
        "Upstream simulators, wrk and the fixed-rate load run on core 0; the systems under test on core 1 (taskset), only one loaded at a time.";

    private static string FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{program} not found";
        }
    }
}
