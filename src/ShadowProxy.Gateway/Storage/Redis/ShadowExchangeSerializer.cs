using System.Diagnostics;
using System.Text;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Probes;
using ShadowProxy.Gateway.Shadowing.Capture;
using ShadowProxy.Gateway.Shadowing.Policy;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>
/// The compact binary form of a <see cref="ShadowExchange"/> on the shadow stream. Credentials are written only when
/// the gateway's route forwards them, and kept on the worker only when the worker's own route does too.
/// </summary>
internal static class ShadowExchangeSerializer
{
    /// <summary>2 carries a probe's task (1 carried only a key into the sending process's memory).</summary>
    private const byte FormatVersion = 2;

    private const byte ProbeKeyVersion = 1;

    public static byte[] Serialize(ShadowExchange exchange)
    {
        using var stream = new MemoryStream(exchange.RequestBody.Length + exchange.PrimaryBody.Length + 512);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(exchange.PairId);
            writer.Write(exchange.Policy.RouteId);
            writer.Write((int)exchange.Operation);
            writer.Write(exchange.BaselinePathAndQuery);
            WriteBytes(writer, exchange.RequestBody.Span);
            writer.Write(exchange.PrimaryStatusCode);
            WriteOptional(writer, exchange.PrimaryContentType);
            WriteOptional(writer, exchange.PrimaryContentEncoding);
            WriteBytes(writer, exchange.PrimaryBody.Span);
            writer.Write(exchange.Streamed);
            writer.Write(exchange.PrimaryTimeToFirstByte.Ticks);
            writer.Write(exchange.PrimaryTotal.Ticks);
            writer.Write(exchange.StartedAt.UtcTicks);
            writer.Write(exchange.WantsNoiseReplicate);
            WriteProbe(writer, exchange.Probe);
            WriteOptional(writer, exchange.PrimaryActivity == default ? null
                : $"{exchange.PrimaryActivity.TraceId.ToHexString()}-{exchange.PrimaryActivity.SpanId.ToHexString()}");
            var credentials = exchange.Policy.Options.Baseline.ForwardClientCredentials ? exchange.ForwardedCredentials : [];
            writer.Write(credentials.Count);
            foreach (var (name, value) in credentials)
            {
                writer.Write(name);
                writer.Write(value);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The pair and route of a job, which every format version writes first (after its version byte), so even a job
    /// this release cannot read gets its outcome.
    /// </summary>
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

    /// <summary>Rebuilds the exchange under the worker's own policy for the route.</summary>
    /// <returns>Null (with the route id) when this worker has no shadow policy for the route.</returns>
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

        var requestBody = Capture(requestBytes);
        var primaryBody = Capture(primaryBytes);
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

    private static void WriteProbe(BinaryWriter writer, ProbeTask? probe)
    {
        writer.Write(probe is not null);
        if (probe is null)
        {
            return;
        }

        writer.Write(probe.Id);
        writer.Write((int)probe.Suite);
        writer.Write(probe.Prompt);
        writer.Write(probe.ExpectedAnswer);
        WriteOptional(writer, probe.JsonSchemaText);
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

    private static PooledCapture Capture(byte[] bytes)
    {
        var capture = new PooledCapture(Math.Max(bytes.Length, 1));
        capture.Append(bytes);
        return capture;
    }

    private static ActivityContext ParseActivity(string? value)
    {
        if (value is not { Length: 49 })
        {
            return default;
        }

        return new ActivityContext(ActivityTraceId.CreateFromString(value.AsSpan(0, 32)), ActivitySpanId.CreateFromString(value.AsSpan(33, 16)), ActivityTraceFlags.Recorded, isRemote: true);
    }

    private static void WriteBytes(BinaryWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
