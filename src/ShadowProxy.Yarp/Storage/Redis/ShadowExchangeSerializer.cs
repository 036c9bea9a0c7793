using System.Diagnostics;
using System.Text.Json;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// A <see cref="ShadowExchange"/> as a <see cref="ShadowJob"/> on the shadow stream (source-generated JSON, format 3),
/// and back; jobs in the binary formats of earlier releases are still read. Credentials are written only when the
/// gateway's route forwards them, and kept on the worker only when the worker's own route does too.
/// </summary>
internal static class ShadowExchangeSerializer
{
    public static byte[] Serialize(ShadowExchange exchange) => JsonSerializer.SerializeToUtf8Bytes(new ShadowJob
    {
        V = ShadowJob.CurrentVersion,
        PairId = exchange.PairId,
        Route = exchange.Policy.RouteId,
        Operation = exchange.Operation,
        BaselinePathAndQuery = exchange.BaselinePathAndQuery,
        Request = exchange.RequestBody.Span.ToArray(),
        Primary = new ShadowJobPrimary(exchange.PrimaryStatusCode, exchange.PrimaryContentType, exchange.PrimaryContentEncoding,
            exchange.PrimaryBody.Span.ToArray(), exchange.Streamed, exchange.PrimaryTimeToFirstByte, exchange.PrimaryTotal),
        StartedAt = exchange.StartedAt,
        NoiseReplicate = exchange.WantsNoiseReplicate,
        Probe = exchange.Probe,
        Traceparent = Traceparent(exchange.PrimaryActivity),
        Credentials = exchange.Policy.Options.Baseline.ForwardClientCredentials && exchange.ForwardedCredentials.Count > 0
            ? [.. exchange.ForwardedCredentials.Select(static c => new ShadowJobHeader(c.Key, c.Value))]
            : null,
    }, ShadowJobJsonContext.Default.ShadowJob);

    /// <summary>
    /// The pair and route of a job, which every format writes first, so even a job this release cannot read (a
    /// later format) gets its outcome.
    /// </summary>
    public static bool TryReadEnvelope(ReadOnlyMemory<byte> data, out string pairId, out string routeId)
    {
        if (LegacyShadowJobReader.Handles(data.Span))
        {
            return LegacyShadowJobReader.TryReadEnvelope(data, out pairId, out routeId);
        }

        (pairId, routeId) = (string.Empty, string.Empty);
        try
        {
            if (JsonSerializer.Deserialize(data.Span, ShadowJobJsonContext.Default.ShadowJobEnvelope) is { PairId: { } pair, Route: { } route })
            {
                (pairId, routeId) = (pair, route);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>Rebuilds the exchange under the worker's own policy for the route.</summary>
    /// <returns>Null (with the route id) when this worker has no shadow policy for the route.</returns>
    /// <exception cref="InvalidDataException">The job is of a format this release does not read, or damaged.</exception>
    public static (string RouteId, ShadowExchange? Exchange) Deserialize(ReadOnlyMemory<byte> data, ShadowPolicySnapshot policies, string? entryId)
    {
        if (LegacyShadowJobReader.Handles(data.Span))
        {
            return LegacyShadowJobReader.Deserialize(data, policies, entryId);
        }

        ShadowJob job;
        try
        {
            var envelope = JsonSerializer.Deserialize(data.Span, ShadowJobJsonContext.Default.ShadowJobEnvelope);
            if (envelope?.V != ShadowJob.CurrentVersion)
            {
                throw new InvalidDataException($"Unknown shadow job format {envelope?.V.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}.");
            }

            job = JsonSerializer.Deserialize(data.Span, ShadowJobJsonContext.Default.ShadowJob) ?? throw new InvalidDataException("Empty shadow job.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Unreadable shadow job: {e.Message}", e);
        }

        if (policies.Find(job.Route) is not { } policy)
        {
            return (job.Route, null);
        }

        var primary = job.Primary;
        return (job.Route, new ShadowExchange
        {
            PairId = job.PairId,
            Policy = policy,
            PolicyVersion = policies.Version,
            Operation = job.Operation,
            BaselinePathAndQuery = job.BaselinePathAndQuery,
            RequestBody = Capture(job.Request),
            ForwardedCredentials = policy.Options.Baseline.ForwardClientCredentials && job.Credentials is { } credentials
                ? [.. credentials.Select(static c => new KeyValuePair<string, string>(c.Name, c.Value))]
                : [],
            Streamed = primary.Streamed,
            PrimaryStatusCode = primary.Status,
            PrimaryContentType = primary.ContentType,
            PrimaryContentEncoding = primary.ContentEncoding,
            PrimaryBody = Capture(primary.Body),
            PrimaryTimeToFirstByte = primary.TimeToFirstByte,
            PrimaryTotal = primary.Total,
            StartedAt = job.StartedAt,
            WantsNoiseReplicate = job.NoiseReplicate,
            Probe = job.Probe,
            PrimaryActivity = job.Traceparent is { } traceparent && ActivityContext.TryParse(traceparent, null, isRemote: true, out var context) ? context : default,
            QueueEntryId = entryId,
        });
    }

    internal static PooledCapture Capture(byte[] bytes)
    {
        var capture = new PooledCapture(Math.Max(bytes.Length, 1));
        capture.Append(bytes);
        return capture;
    }

    private static string? Traceparent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(byte)context.TraceFlags:x2}";
}
