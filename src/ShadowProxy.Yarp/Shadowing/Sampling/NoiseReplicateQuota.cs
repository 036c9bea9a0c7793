using System.Collections.Concurrent;

namespace ShadowProxy.Yarp.Shadowing.Sampling;

/// <summary>
/// A floor under each route's replicate count. The noise floor is learnt from replicates; a quiet route at the
/// default 10% gets a handful a day and learns it in months. Below <see cref="Policy.RouteShadowOptions.MinNoiseReplicatesPerHour"/>
/// replicates in the last hour every sampled pair is replicated, so a route at 100 pairs a day is fully replicated
/// and a busy route is not affected. Counted per replica (a deployment of N replicas keeps N times the floor).
/// </summary>
internal sealed class NoiseReplicateQuota(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HourlyCount> _routes = new(StringComparer.Ordinal);

    /// <summary>Whether this pair gets a replicate: the route's random draw, or the floor; either way it is counted.</summary>
    public bool Decide(string route, int minPerHour, bool drawn)
    {
        if (minPerHour <= 0 && !drawn)
        {
            return false;
        }

        return _routes.GetOrAdd(route, static _ => new HourlyCount()).Take(time.GetUtcNow(), minPerHour, drawn);
    }

    /// <summary>Counts of this hour and the last; the last hour's count is weighted by how much of it is still in the past 60 minutes.</summary>
    private sealed class HourlyCount
    {
        private readonly Lock _lock = new();
        private long _hour;
        private long _current;
        private long _previous;

        public bool Take(DateTimeOffset now, int minPerHour, bool drawn)
        {
            var hour = now.UtcTicks / TimeSpan.TicksPerHour;
            var elapsed = (now.UtcTicks % TimeSpan.TicksPerHour) / (double)TimeSpan.TicksPerHour;
            lock (_lock)
            {
                if (hour != _hour)
                {
                    (_previous, _current, _hour) = (hour == _hour + 1 ? _current : 0, 0, hour);
                }

                var lastSixtyMinutes = _current + (_previous * (1 - elapsed));
                if (!drawn && lastSixtyMinutes >= minPerHour)
                {
                    return false;
                }

                _current++;
                return true;
            }
        }
    }
}
