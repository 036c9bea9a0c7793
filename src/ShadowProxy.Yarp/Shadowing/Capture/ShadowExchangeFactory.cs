using System.Diagnostics;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>Copies what the background work needs out of the HttpContext, which it must never touch later.</summary>
internal static class ShadowExchangeFactory
{
    /// <summary>
    /// The client's credentials (OpenAI, Azure, Anthropic) and Anthropic's version headers, which pick the account's
    /// behaviour like a credential: none reaches the baseline unless the route forwards client credentials.
    /// </summary>
    private static readonly string[] CredentialHeaders = ["Authorization", "api-key", "x-api-key", "anthropic-version", "anthropic-beta"];

    public static ShadowExchange Create(
        HttpContext context, RoutePolicy policy, int policyVersion, string baselinePathAndQuery, PooledCapture requestBody, ResponseTee tee, long started, TimeProvider time, bool noiseReplicate, Core.Probes.ProbeTask? probe)
    {
        var request = context.Request;
        var response = context.Response;
        var firstByte = tee.FirstByteTimestamp == 0 ? time.GetTimestamp() : tee.FirstByteTimestamp;
        var contentType = response.ContentType;
        var encoding = response.Headers.ContentEncoding.ToString();
        return new ShadowExchange
        {
            PairId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            Policy = policy,
            PolicyVersion = policyVersion,
            Operation = OperationKinds.FromPath(request.Path.Value),
            BaselinePathAndQuery = baselinePathAndQuery,
            RequestBody = requestBody,
            ForwardedCredentials = policy.Options.Baseline.ForwardClientCredentials ? Credentials(request) : [],
            Streamed = contentType?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true,
            PrimaryStatusCode = response.StatusCode,
            PrimaryContentType = contentType,
            PrimaryContentEncoding = string.IsNullOrEmpty(encoding) ? null : encoding,
            PrimaryBody = tee.Capture,
            PrimaryTimeToFirstByte = time.GetElapsedTime(started, firstByte),
            PrimaryTotal = time.GetElapsedTime(started),
            StartedAt = time.GetUtcNow() - time.GetElapsedTime(started),
            WantsNoiseReplicate = noiseReplicate,
            Probe = probe,
            PrimaryActivity = Activity.Current?.Context ?? default,
        };
    }

    private static List<KeyValuePair<string, string>> Credentials(HttpRequest request) =>
        [.. CredentialHeaders.Where(request.Headers.ContainsKey).Select(h => new KeyValuePair<string, string>(h, request.Headers[h].ToString()))];
}
