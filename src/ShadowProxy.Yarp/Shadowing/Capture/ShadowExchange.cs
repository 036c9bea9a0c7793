using System.Diagnostics;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>
/// A completed primary exchange waiting for its baseline call. It owns the pooled request and response captures
/// until the dispatcher disposes it; nothing here refers to the HttpContext.
/// </summary>
internal sealed class ShadowExchange : IDisposable
{
    public required string PairId { get; init; }

    public required RoutePolicy Policy { get; init; }

    public required int PolicyVersion { get; init; }

    public required OperationKind Operation { get; init; }

    /// <summary>
    /// The path (escaped) and query the primary received below its destination address, after the route's
    /// transforms; appended to the baseline's address by <see cref="Dispatch.BaselineTarget"/>.
    /// </summary>
    public required string BaselinePathAndQuery { get; init; }

    public required PooledCapture RequestBody { get; init; }

    /// <summary>The client's credential headers, kept only when the route forwards them to the baseline.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ForwardedCredentials { get; init; } = [];

    public required bool Streamed { get; init; }

    public required int PrimaryStatusCode { get; init; }

    public string? PrimaryContentType { get; init; }

    /// <summary>The primary's answer as captured; its body is assembled from the capture's segments on first use.</summary>
    public CapturedResponse PrimaryResponse => new(PrimaryStatusCode, PrimaryContentType, PrimaryBody.Memory, PrimaryBody.Overflowed);

    public required PooledCapture PrimaryBody { get; init; }

    /// <summary>The primary's Content-Encoding (e.g. gzip): the tee sees the bytes as they went to the client.</summary>
    public string? PrimaryContentEncoding { get; init; }

    public required TimeSpan PrimaryTimeToFirstByte { get; init; }

    public required TimeSpan PrimaryTotal { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required bool WantsNoiseReplicate { get; init; }

    /// <summary>Set for canary probes: the task whose known answer grades both sides, wherever they are compared.</summary>
    public Core.Probes.ProbeTask? Probe { get; init; }

    /// <summary>The primary request's span, linked from the shadow span.</summary>
    public ActivityContext PrimaryActivity { get; init; }

    /// <summary>The entry id when the exchange came from a shared (Redis) queue; acknowledged once settled.</summary>
    public string? QueueEntryId { get; init; }

    public void Dispose()
    {
        RequestBody.Dispose();
        PrimaryBody.Dispose();
    }
}
