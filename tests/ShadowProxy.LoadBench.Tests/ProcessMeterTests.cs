using System.Diagnostics;
using System.Globalization;
using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Tests;

/// <summary>The CPU reading behind every CPU-per-request figure: another process's CPU time, finer than a clock tick.</summary>
public sealed class ProcessMeterTests
{
    private const double Tick = 0.01;

    [Fact]
    public async Task CpuSeconds_OfABusyProcess_AgreesWithProcStat_AndMovesInStepsFinerThanATick()
    {
        using var busy = Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]))!;
        try
        {
            await Task.Delay(300, TestContext.Current.CancellationToken);
            var reading = ProcessMeter.CpuSeconds(busy.Id);
            var proc = ProcStatSeconds(busy.Id);

            // /proc truncates user and system time to ticks apiece, and is read just after.
            Assert.InRange(reading, 0.05, 10);
            Assert.InRange(proc - reading, -2 * Tick, Tick);

            // Ticks would only ever step by 10 ms; the smallest of 20 observed steps shows the real resolution.
            var steps = new List<double>();
            var last = ProcessMeter.CpuSeconds(busy.Id);
            var clock = Stopwatch.StartNew();
            while (steps.Count < 20 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                var now = ProcessMeter.CpuSeconds(busy.Id);
                if (now != last)
                {
                    steps.Add(now - last);
                    last = now;
                }
            }

            Assert.Equal(20, steps.Count);
            Assert.True(steps.Min() < Tick / 2, $"smallest step {steps.Min() * 1000:F3} ms");
        }
        finally
        {
            busy.Kill();
        }
    }

    /// <summary>utime + stime from /proc/ID/stat (fields 14 and 15), at the usual 100 ticks a second.</summary>
    private static double ProcStatSeconds(int id)
    {
        var text = File.ReadAllText($"/proc/{id}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * Tick;
    }
}
