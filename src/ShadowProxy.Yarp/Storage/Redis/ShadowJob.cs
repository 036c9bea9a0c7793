using System.Text.Json.Serialization;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// A shadow job on the Redis stream (format 3): the one definition of what crosses processes. Sealed whole with
/// Redis:PayloadKey, so its prompt, answer and any forwarded credential never lie in Redis in clear.
/// </summary>
internal sealed record ShadowJob
{
    public const int CurrentVersion = 3;

    /// <summary>Written first, so a later release can tell a job it cannot read and still count its outcome.</summary>
    [JsonPropertyOrder(-3)]
    public required int V { get; init; }

    [JsonPropertyOrder(-2)]
    public required string PairId { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Route { get; init; }

    public required OperationKind Operation { get; init; }

    public required string BaselinePathAndQuery { get; init; }

    public required byte[] Request { get; init; }

    public required ShadowJobPrimary Primary { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public bool NoiseReplicate { get; init; }

    public ProbeTask? Probe { get; init; }

    /// <summary>The primary request's span as a W3C traceparent, so the worker's baseline span links to it.</summary>
    public string? Traceparent { get; init; }

    /// <summary>Present only when the route forwards client credentials to the baseline.</summary>
    public IReadOnlyList<ShadowJobHeader>? Credentials { get; init; }
}

internal sealed record ShadowJobPrimary(
    int Status,
    string? ContentType,
    string? ContentEncoding,
    byte[] Body,
    bool Streamed,
    TimeSpan TimeToFirstByte,
    TimeSpan Total);

internal sealed record ShadowJobHeader(string Name, string Value);

/// <summary>The fields every format from 3 on writes first: enough to settle a job this release cannot read.</summary>
internal sealed record ShadowJobEnvelope(int V, string? PairId, string? Route);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShadowJob))]
[JsonSerializable(typeof(ShadowJobEnvelope))]
internal sealed partial class ShadowJobJsonContext : JsonSerializerContext;
