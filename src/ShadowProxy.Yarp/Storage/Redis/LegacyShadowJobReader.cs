using System.Diagnostics;
using System.Text;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Reads the binary job formats of earlier releases (1 and 2), so jobs queued before an upgrade are still compared
/// and counted. Nothing writes them any more.
/// </summary>
internal static class LegacyShadowJobReader
{
    /// <summary>2 carries a probe's task (1 carried only a key into the sending process's memory).</summary>
    private const byte FormatVersion = 2;

    private const byte ProbeKeyVersion = 1;

    /// <summary>The first byte of a legacy job; a format-3 job starts with '{'.</summary>
    public static bool Handles(ReadOnlySpan<byte> data) => data.Length > 0 && data[0] is FormatVersion or ProbeKeyVersion;

    /// <summary>The pair and route, which both legacy formats write first (after their version byte).</summary>
    public static bool TryReadEnvelope(ReadOnlyMemory<byte> data, out string pairId, out string routeId)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data.ToArray(), writable: false), Encoding.UTF8);
            _ = reader.ReadByte();
            (pairId, routeId) = (reader.ReadString(), reader.ReadString());
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            (pairId, routeId) = (string.Empty, string.Empty);
            return false;
        }
    }

    /// <inheritdoc cref="ShadowExchangeSerializer.Deserialize"/>
    public static (string RouteId, ShadowExchange? Exchange) Deserialize(ReadOnlyMemory<byte> data, ShadowPolicySnapshot policies, string? entryId)
    {
        using var reader = new BinaryReader(new MemoryStream(data.ToArray(), writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version is not (FormatVersion or ProbeKeyVersion))
        {
            throw new InvalidDataException("Unknown shadow exchange format version.");
        }

        var pairId = reader.ReadString();
        var routeId = reader.ReadString();
        var operation = (OperationKind)reader.ReadInt32();
        var pathAndQuery = reader.ReadString();
        var requestBytes = ReadBytes(reader);
        var status = reader.ReadInt32();
        var contentType = ReadOptional(reader);
        var contentEncoding = ReadOptional(reader);
        var primaryBytes = ReadBytes(reader);
        var streamed = reader.ReadBoolean();
        var timeToFirstByte = TimeSpan.FromTicks(reader.ReadInt64());
        var total = TimeSpan.FromTicks(reader.ReadInt64());
        var startedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var noiseReplicate = reader.ReadBoolean();
        // A version-1 job still compares; its probe key pointed into another process's memory, so it is not graded.
        var probe = version == FormatVersion ? ReadProbe(reader) : DiscardProbeKey(reader);
        var activity = ParseActivity(ReadOptional(reader));
        var credentials = new List<KeyValuePair<string, string>>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            credentials.Add(new(reader.ReadString(), reader.ReadString()));
        }

        var policy = policies.Find(routeId);
        if (policy is null)
        {
            return (routeId, null);
        }

        var requestBody = ShadowExchangeSerializer.Capture(requestBytes);
        var primaryBody = ShadowExchangeSerializer.Capture(primaryBytes);
        return (routeId, new ShadowExchange
        {
            PairId = pairId,
            Policy = policy,
            PolicyVersion = policies.Version,
            Operation = operation,
            BaselinePathAndQuery = pathAndQuery,
            RequestBody = requestBody,
            ForwardedCredentials = policy.Options.Baseline.ForwardClientCredentials ? credentials : [],
            Streamed = streamed,
            PrimaryStatusCode = status,
            PrimaryContentType = contentType,
            PrimaryContentEncoding = contentEncoding,
            PrimaryBody = primaryBody,
            PrimaryTimeToFirstByte = timeToFirstByte,
            PrimaryTotal = total,
            StartedAt = startedAt,
            WantsNoiseReplicate = noiseReplicate,
            Probe = probe,
            PrimaryActivity = activity,
            QueueEntryId = entryId,
        });
    }


    private static ProbeTask? ReadProbe(BinaryReader reader) => !reader.ReadBoolean() ? null : new ProbeTask
    {
        Id = reader.ReadString(),
        Suite = (ProbeSuiteKind)reader.ReadInt32(),
        Prompt = reader.ReadString(),
        ExpectedAnswer = reader.ReadString(),
        JsonSchemaText = ReadOptional(reader),
    };

    private static ProbeTask? DiscardProbeKey(BinaryReader reader)
    {
        _ = ReadOptional(reader);
        return null;
    }

    private static ActivityContext ParseActivity(string? value)
    {
        if (value is not { Length: 49 })
        {
            return default;
        }

        return new ActivityContext(ActivityTraceId.CreateFromString(value.AsSpan(0, 32)), ActivitySpanId.CreateFromString(value.AsSpan(33, 16)), ActivityTraceFlags.Recorded, isRemote: true);
    }


    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());


    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
