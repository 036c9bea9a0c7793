using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class NoiseReplicateQuotaTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    private ShadowSampler Sampler() => new(new SamplingRandom(), new SamplingKeyHash("a-shared-sampling-secret-for-tests"), new NoiseReplicateQuota(_time));

    [Fact]
    public void QuietRoute_EveryPairIsReplicated_UntilTheHourHasItsFloor()
    {
        var sampler = Sampler();
        var policy = new RoutePolicy("quiet", new RouteShadowOptions { NoiseReplicateRate = 0.1, MinNoiseReplicatesPerHour = 10 });

        var firstTen = Enumerable.Range(0, 10).Select(_ => sampler.WantsNoiseReplicate(policy)).ToList();
        var after = Enumerable.Range(0, 2_000).Count(_ => sampler.WantsNoiseReplicate(policy));

        Assert.All(firstTen, Assert.True);
        // Past the floor only the 10% draw remains (binomial 2000 × 0.1: 200 ± 40 at over 3 sigma).
        Assert.InRange(after, 150, 250);
    }

    [Fact]
    public void Floor_FadesWithTheLastHour_AndComesBackForAQuietNextHour()
    {
        var sampler = Sampler();
        var policy = new RoutePolicy("quiet", new RouteShadowOptions { NoiseReplicateRate = 1e-9, MinNoiseReplicatesPerHour = 4 });
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => sampler.WantsNoiseReplicate(policy)));

        _time.Advance(TimeSpan.FromMinutes(90));

        // Half of the last hour's four still counts, so two more make the floor.
        Assert.Equal(2, Enumerable.Range(0, 10).Count(_ => sampler.WantsNoiseReplicate(policy)));
        _time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => sampler.WantsNoiseReplicate(policy)));
    }

    [Fact]
    public void RateZero_TurnsReplicatesOff_FloorIncluded()
    {
        var sampler = Sampler();
        var policy = new RoutePolicy("off", new RouteShadowOptions { NoiseReplicateRate = 0, MinNoiseReplicatesPerHour = 10 });

        Assert.DoesNotContain(true, Enumerable.Range(0, 100).Select(_ => sampler.WantsNoiseReplicate(policy)));
    }
}
