using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Sampling;

/// <summary>Decides, from headers alone and without allocating, whether a request is mirrored.</summary>
internal sealed class ShadowSampler(SamplingRandom random, SamplingKeyHash keyHash, NoiseReplicateQuota replicates)
{
    public const string OptOutHeader = Proxy.InternalHeaders.OptOut;

    public ShadowDecision Decide(HttpRequest request, RoutePolicy policy)
    {
        var options = policy.Options;
        if (!options.Enabled || options.SampleRate <= 0)
        {
            return ShadowDecision.Disabled;
        }

        if (request.Headers.TryGetValue(OptOutHeader, out var optOut) && string.Equals(optOut, "off", StringComparison.OrdinalIgnoreCase))
        {
            return ShadowDecision.OptedOut;
        }

        if (!HttpMethods.IsPost(request.Method) || !policy.Operations.Contains(OperationKinds.FromPath(request.Path.Value)))
        {
            return ShadowDecision.Ineligible;
        }

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return ShadowDecision.BodyTooLarge;
        }

        return Draw(request, policy) < options.SampleRate ? ShadowDecision.Sampled : ShadowDecision.NotSampled;
    }

    /// <summary>A rate of 0 turns replicates off altogether; otherwise the rate, with the quota's floor under it.</summary>
    public bool WantsNoiseReplicate(RoutePolicy policy) =>
        policy.Options.NoiseReplicateRate > 0
        && replicates.Decide(policy.RouteId, policy.Options.MinNoiseReplicatesPerHour, random.NextDouble() < policy.Options.NoiseReplicateRate);

    private double Draw(HttpRequest request, RoutePolicy policy)
    {
        if (policy.SamplingHeader is null)
        {
            return random.NextDouble();
        }

        // Requests without the key header are treated as one tenant (hash of the empty key).
        var key = request.Headers.TryGetValue(policy.SamplingHeader, out var value) ? value.ToString() : string.Empty;
        return keyHash.ToUnitInterval(key);
    }
}
