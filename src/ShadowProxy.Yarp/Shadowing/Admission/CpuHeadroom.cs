using System.Collections.Concurrent;

namespace ShadowProxy.Yarp.Shadowing.Admission;

/// <summary>
/// Lets a sampled request be shadowed only while the process has CPU to spare (Shadowing:MaxCpuUtilization of what it
/// may use). Lowest-priority workers cannot protect a pod under a CPU limit: what they run is charged to the same
/// quota as the proxied traffic. So a busy process lets its samples go before capturing anything, except one per
/// route per second, which keeps the monitor from going blind. Measured on the samples' own path over windows of a
/// quarter second, so no timer runs and unsampled requests pay nothing.
/// <para>
/// A sample costs the worker far more CPU than its request costs the proxy, and the quota is charged for it a moment
/// after it is admitted. So after a busy window the gate reopens over five windows (one sample in 16, 8, 4, 2, then
/// all) rather than at once on a brief dip, and a window that spans a pause in sampling (longer than the floor's
/// second) is not judged: averaged over an idle gap, it would let the whole first quarter second of a burst in.
/// </para>
/// </summary>
internal sealed class CpuHeadroom(IProcessCpu cpu, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan BusyFloor = TimeSpan.FromSeconds(1);
    private const int ReopenStride = 16;

    private readonly ConcurrentDictionary<string, long> _admittedByFloor = new(StringComparer.Ordinal);
    private CpuReading? _reading;
    private volatile bool _busy;

    /// <summary>While calm, one sample in this many is admitted: 1 once the process has been calm for a while.</summary>
    private volatile int _stride = 1;
    private long _calmSamples;

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
            var stride = _stride;
            if (stride == 1 || Interlocked.Increment(ref _calmSamples) % stride == 0)
            {
                return true;
            }
        }

        // Busy or reopening: one sample per route per second still passes. Two racing threads may both pass here
        // within one second: harmless, the floor is a floor.
        if (_admittedByFloor.TryGetValue(routeId, out var last) && time.GetElapsedTime(last, now) < BusyFloor)
        {
            return false;
        }

        _admittedByFloor[routeId] = now;
        return true;
    }

    private void Measure(long now, double limit)
    {
        var previous = Volatile.Read(ref _reading);
        var elapsed = previous is null ? TimeSpan.MaxValue : time.GetElapsedTime(previous.Timestamp, now);
        if (elapsed < Window)
        {
            return;
        }

        var current = new CpuReading(now, cpu.UsedTime);
        if (Interlocked.CompareExchange(ref _reading, current, previous) != previous || previous is null || elapsed > BusyFloor)
        {
            // Another thread measured this window, or this is the first reading, or the last one is from before a
            // pause: the state holds until a window of the current load is measured. (Samples slower than one a
            // second pass the floor anyway.)
            return;
        }

        var available = elapsed * cpu.AllowedCores;
        Utilization = available > TimeSpan.Zero ? (current.Used - previous.Used) / available : 0;
        var busy = Utilization >= limit;
        if (busy && !_busy)
        {
            _admittedByFloor.Clear();
        }

        // The first calm window after a busy one admits one in ReopenStride; each further calm window doubles that.
        _stride = busy ? ReopenStride : _busy ? _stride : Math.Max(1, _stride / 2);
        _busy = busy;
    }

    private sealed record CpuReading(long Timestamp, TimeSpan Used);
}
