using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>
/// The real tracker on a fake clock: each one-bucket step draws every route's Poisson arrivals from its pool,
/// stamps them inside the bucket, and evaluates just after the bucket closes, as the gateway's timer would.
/// </summary>
internal static class DriftSimulation
{
    public static async Task<MetricEvents> RunAsync(
        IReadOnlyList<SimulatedRoute> routes, TimeSpan duration, int seed, DriftOptions? options = null, Func<MetricEvents, bool>? stop = null)
    {
        options ??= new DriftOptions();
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var tracker = new DriftTracker(options, new InMemoryDriftWindowStore(options), time);
        var random = new Random(seed);
        var pairs = routes.ToDictionary(static r => r.Key, static _ => 0L);
        var events = new MetricEvents();
        var bucket = options.BucketDuration;
        var grace = TimeSpan.FromTicks(Math.Min(bucket.Ticks / 10, TimeSpan.FromSeconds(5).Ticks)) + TimeSpan.FromTicks(1);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += bucket)
        {
            foreach (var route in routes)
            {
                var pool = route.PoolAt(elapsed);
                var arrivals = Poisson(random, route.PairsPerSecond * bucket.TotalSeconds);
                for (var i = 0; i < arrivals; i++)
                {
                    var at = start + elapsed + (bucket * random.NextDouble());
                    await tracker.AddAsync(route.Key, pool.Draw(random, random.NextDouble() < route.ReplicateRate, at));
                }

                pairs[route.Key] += arrivals;
            }

            time.SetUtcNow(start + elapsed + bucket + grace);
            events.Observe(await tracker.EvaluateAsync(), elapsed + bucket, pairs);
            if (stop?.Invoke(events) == true)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>Poisson draws by inversion for small means, a rounded normal for large ones (a minute at 1 pair/s is 60).</summary>
    private static int Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var (count, product, limit) = (0, random.NextDouble(), Math.Exp(-mean));
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
