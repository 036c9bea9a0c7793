using System.Collections.Concurrent;
namespace ShadowProxy.Yarp.Shadowing.Admission;

/// <summary>
/// Lets a sampled request be shadowed only while the process has CPU to spare (Shadowing:MaxCpuUtilization of what it
/// may use). Lowest-priority workers cannot protect a pod under a CPU limit: what they run is charged to the same
/// quota as the proxied traffic. So a busy process lets its samples go before capturing anything, except one per
/// route per second, which keeps the monitor from going blind. Measured on the samples' own path over windows of
/// a quarter second, so no timer runs and unsampled requests pay nothing.
/// </summary>
internal sealed class CpuHeadroom(IProcessCpu cpu, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan BusyFloor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _admittedWhileBusy = new(StringComparer.Ordinal);
    private CpuReading? _reading;
    private volatile bool _busy;

    /// <summary>The share of its CPU allowance the process used in the last complete window.</summary>
    public double Utilization { get; private set; }

    /// <summary>Whether a sample of <paramref name="routeId"/> may be shadowed under the policy's <paramref name="limit"/>.</summary>
    public bool TryAdmit(string routeId, double limit)
    {
        if (limit >= 1)
        {
            return true;
        }

        var now = time.GetTimestamp();
        Measure(now, limit);
        if (!_busy)
        {
            return true;
        }

        // Two racing threads may both pass here within one second: harmless, the floor is a floor.
        if (_admittedWhileBusy.TryGetValue(routeId, out var last) && time.GetElapsedTime(last, now) < BusyFloor)
        {
            return false;
        }

        _admittedWhileBusy[routeId] = now;
        return true;
    }

    private void Measure(long now, double limit)
    {
        var previous = Volatile.Read(ref _reading);
        if (previous is not null && time.GetElapsedTime(previous.Timestamp, now) < Window)
        {
            return;
        }

        var current = new CpuReading(now, cpu.UsedTime);
        if (Interlocked.CompareExchange(ref _reading, current, previous) != previous || previous is null)
        {
            return; // Another thread measured this window, or this is the first reading.
        }

        var available = time.GetElapsedTime(previous.Timestamp, now) * cpu.AllowedCores;
        Utilization = available > TimeSpan.Zero ? (current.Used - previous.Used) / available : 0;
        var busy = Utilization >= limit;
        if (busy && !_busy)
        {
            _admittedWhileBusy.Clear();
        }

        _busy = busy;
    }

    private sealed record CpuReading(long Timestamp, TimeSpan Used);
}
