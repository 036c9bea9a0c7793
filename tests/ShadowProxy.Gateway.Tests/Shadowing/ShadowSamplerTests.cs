using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class ShadowSamplerTests
{
    private static readonly ShadowSampler Sampler = new(new SamplingRandom(), new SamplingKeyHash("a-shared-sampling-secret-for-tests"), new NoiseReplicateQuota(TimeProvider.System));

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void RandomSampling_HitsTheConfiguredRateWithinFourSigma(double rate)
    {
        const int n = 20_000;
        var policy = Policy(new RouteShadowOptions { SampleRate = rate });

        var sampled = Enumerable.Range(0, n).Count(_ => Sampler.Decide(Chat(), policy) == ShadowDecision.Sampled);

        var sigma = Math.Sqrt(rate * (1 - rate) / n);
        Assert.InRange(sampled / (double)n, rate - 4 * sigma, rate + 4 * sigma);
    }

    [Fact]
    public void HashedSampling_IsStickyPerKey_AndHitsTheRateAcrossKeys()
    {
        const int keys = 20_000;
        var policy = Policy(new RouteShadowOptions { SampleRate = 0.2, SamplingKey = "header:x-user-id" });
        var first = new Dictionary<string, ShadowDecision>();

        for (var round = 0; round < 3; round++)
        {
            for (var k = 0; k < keys; k++)
            {
                var decision = Sampler.Decide(Chat(("x-user-id", $"user-{k}")), policy);
                Assert.Equal(first.TryAdd($"user-{k}", decision) ? decision : first[$"user-{k}"], decision);
            }
        }

        var rate = first.Values.Count(d => d == ShadowDecision.Sampled) / (double)keys;
        Assert.InRange(rate, 0.2 - 4 * Math.Sqrt(0.2 * 0.8 / keys), 0.2 + 4 * Math.Sqrt(0.2 * 0.8 / keys));
    }

    [Fact]
    public void HashedSampling_DependsOnTheSecret_SoACallerCannotPickAnAlwaysSampledKey()
    {
        // Under the old public, unkeyed hash a caller could search offline for keys below the rate. With a secret, the
        // sampled set under one secret tells nothing about another's: the overlap is what independence predicts.
        const int keys = 20_000;
        var policy = Policy(new RouteShadowOptions { SampleRate = 0.2, SamplingKey = "header:x-user-id" });
        var other = new ShadowSampler(new SamplingRandom(), new SamplingKeyHash("another-secret-of-another-gateway"), new NoiseReplicateQuota(TimeProvider.System));
        var sameSecret = new ShadowSampler(new SamplingRandom(), new SamplingKeyHash("a-shared-sampling-secret-for-tests"), new NoiseReplicateQuota(TimeProvider.System));

        var both = 0;
        for (var k = 0; k < keys; k++)
        {
            var request = Chat(("x-user-id", $"user-{k}"));
            var mine = Sampler.Decide(request, policy) == ShadowDecision.Sampled;
            Assert.Equal(mine, sameSecret.Decide(request, policy) == ShadowDecision.Sampled);
            both += mine && other.Decide(request, policy) == ShadowDecision.Sampled ? 1 : 0;
        }

        var expected = keys * 0.2 * 0.2;
        Assert.InRange(both, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void OptOutHeader_AlwaysWins()
    {
        var policy = Policy(new RouteShadowOptions { SampleRate = 1 });

        Assert.Equal(ShadowDecision.OptedOut, Sampler.Decide(Chat(("x-shadowproxy-shadow", "off")), policy));
        Assert.Equal(ShadowDecision.OptedOut, Sampler.Decide(Chat(("X-ShadowProxy-Shadow", "OFF")), policy));
    }

    [Theory]
    [InlineData("GET", "/v1/models")]
    [InlineData("POST", "/v1/files")]
    [InlineData("POST", "/v1/images/generations")]
    [InlineData("GET", "/v1/chat/completions")]
    public void OtherPathsAndMethods_AreNeverShadowed(string method, string path)
    {
        var policy = Policy(new RouteShadowOptions { SampleRate = 1 });
        var request = Chat();
        request.Method = method;
        request.Path = path;

        Assert.Equal(ShadowDecision.Ineligible, Sampler.Decide(request, policy));
    }

    [Fact]
    public void OperationsNotListed_AreIneligible_AndListedOnesSampled()
    {
        var policy = Policy(new RouteShadowOptions { SampleRate = 1, Operations = ["embeddings"] });
        var embeddings = Chat();
        embeddings.Path = "/v1/embeddings";

        Assert.Equal(ShadowDecision.Ineligible, Sampler.Decide(Chat(), policy));
        Assert.Equal(ShadowDecision.Sampled, Sampler.Decide(embeddings, policy));
    }

    [Fact]
    public void BodyOverTheLimit_IsNotShadowed()
    {
        var policy = Policy(new RouteShadowOptions { SampleRate = 1, MaxRequestBodyBytes = 1000 });
        var request = Chat();
        request.ContentLength = 1001;

        Assert.Equal(ShadowDecision.BodyTooLarge, Sampler.Decide(request, policy));
    }

    private static RoutePolicy Policy(RouteShadowOptions options) =>
        new("openai", options with { Baseline = new BaselineOptions { Address = "http://127.0.0.1:1/", Model = "m" } });

    private static HttpRequest Chat(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/v1/chat/completions";
        context.Request.ContentLength = 100;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }
}
