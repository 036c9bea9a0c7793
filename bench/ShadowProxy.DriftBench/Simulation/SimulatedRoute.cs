using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>One route's traffic over simulated time: which pool its pairs come from at each moment, and how many arrive.</summary>
/// <param name="Key">The drift key the pairs are tracked under.</param>
/// <param name="PoolAt">The pool at a time since the start (a model change or a traffic-mix change switches pools).</param>
/// <param name="PairsPerSecond">Mean arrival rate (Poisson).</param>
/// <param name="ReplicateRate">Share of pairs with a baseline replicate (the gateway's NoiseReplicateRate).</param>
internal sealed record SimulatedRoute(DriftKey Key, Func<TimeSpan, ObservationPool> PoolAt, double PairsPerSecond, double ReplicateRate = 0.1);
