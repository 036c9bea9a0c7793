using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Storage.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class ShadowExchangeSerializerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoundTrip_KeepsEveryField_AndCredentialsOnlyWhenTheRouteForwardsThem(bool forward)
    {
        var policy = new RoutePolicy("openai", new RouteShadowOptions { Baseline = new BaselineOptions { Address = "http://b/", Model = "m", ForwardClientCredentials = forward } });
        var snapshot = new ShadowPolicySnapshot(new ShadowingOptions { Routes = new() { ["openai"] = policy.Options } }, 7);
        using var original = Exchange(policy);

        var bytes = ShadowExchangeSerializer.Serialize(original);
        var (routeId, copy) = ShadowExchangeSerializer.Deserialize(bytes, snapshot, "1-0");

        using (copy)
        {
            Assert.Equal("openai", routeId);
            Assert.NotNull(copy);
            Assert.Equal(original.PairId, copy.PairId);
            Assert.Equal(7, copy.PolicyVersion);
            Assert.Equal(original.BaselinePathAndQuery, copy.BaselinePathAndQuery);
            Assert.Equal(original.RequestBody.Span.ToArray(), copy.RequestBody.Span.ToArray());
            Assert.Equal(original.PrimaryBody.Span.ToArray(), copy.PrimaryResponse.Body.ToArray());
            Assert.Equal((200, "text/event-stream", "gzip"), (copy.PrimaryResponse.StatusCode, copy.PrimaryResponse.ContentType, copy.PrimaryContentEncoding));
            Assert.Equal((original.PrimaryTimeToFirstByte, original.PrimaryTotal, original.StartedAt), (copy.PrimaryTimeToFirstByte, copy.PrimaryTotal, copy.StartedAt));
            Assert.True(copy.Streamed && copy.WantsNoiseReplicate);
            Assert.Equal(Probe, copy.Probe);
            Assert.Equal("1-0", copy.QueueEntryId);
            Assert.Equal(forward ? 1 : 0, copy.ForwardedCredentials.Count);
            Assert.Equal(forward, Encoding.UTF8.GetString(bytes).Contains("sk-client", StringComparison.Ordinal));
            Assert.Equal((original.PrimaryActivity.TraceId, original.PrimaryActivity.SpanId), (copy.PrimaryActivity.TraceId, copy.PrimaryActivity.SpanId));
        }

        // Format 3: JSON led by its version and envelope, the primary span as a W3C traceparent.
        var json = JsonNode.Parse(bytes)!.AsObject();
        Assert.Equal(["v", "pair_id", "route"], json.Select(p => p.Key).Take(3));
        Assert.Equal(3, json["v"]!.GetValue<int>());
        Assert.Equal($"00-{TraceId}-{SpanId}-01", json["traceparent"]!.GetValue<string>());
    }

    /// <summary>A job of a later format is not guessed at, but its envelope still settles its one outcome.</summary>
    [Fact]
    public void Deserialize_LaterFormat_IsRefused_ButItsEnvelopeIsRead()
    {
        var later = """{"v":4,"pair_id":"pair-9","route":"openai","whatever":"comes next"}"""u8.ToArray();
        var snapshot = new ShadowPolicySnapshot(new ShadowingOptions(), 1);

        Assert.Throws<InvalidDataException>(() => ShadowExchangeSerializer.Deserialize(later, snapshot, "1-0"));
        Assert.True(ShadowExchangeSerializer.TryReadEnvelope(later, out var pairId, out var routeId));
        Assert.Equal(("pair-9", "openai"), (pairId, routeId));
        Assert.False(ShadowExchangeSerializer.TryReadEnvelope("not json"u8.ToArray(), out _, out _));
    }

    [Fact]
    public void Deserialize_RouteUnknownToThisWorker_ReturnsNoExchange()
    {
        var policy = new RoutePolicy("other", new RouteShadowOptions { Baseline = new BaselineOptions { Address = "http://b/", Model = "m" } });
        using var original = Exchange(policy);

        var (routeId, copy) = ShadowExchangeSerializer.Deserialize(ShadowExchangeSerializer.Serialize(original), new ShadowPolicySnapshot(new ShadowingOptions(), 1), null);

        Assert.Equal("other", routeId);
        Assert.Null(copy);
    }

    private static ShadowExchange Exchange(RoutePolicy policy)
    {
        var request = new PooledCapture(1024);
        request.Append("""{"model":"gpt-4o","messages":[]}"""u8);
        var primary = new PooledCapture(1024);
        primary.Append("data: {}\n\n"u8);
        return new ShadowExchange
        {
            PairId = "pair-1",
            Policy = policy,
            PolicyVersion = 3,
            Operation = OperationKind.ChatCompletions,
            BaselinePathAndQuery = "/v1/chat/completions?x=1",
            RequestBody = request,
            ForwardedCredentials = [new("Authorization", "Bearer sk-client")],
            Streamed = true,
            PrimaryStatusCode = 200,
            PrimaryContentType = "text/event-stream",
            PrimaryBody = primary,
            PrimaryContentEncoding = "gzip",
            PrimaryTimeToFirstByte = TimeSpan.FromMilliseconds(12),
            PrimaryTotal = TimeSpan.FromMilliseconds(345),
            StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            WantsNoiseReplicate = true,
            Probe = Probe,
            PrimaryActivity = new ActivityContext(ActivityTraceId.CreateFromString(TraceId), ActivitySpanId.CreateFromString(SpanId), ActivityTraceFlags.Recorded),
        };
    }

    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string SpanId = "b7ad6b7169203331";

    private static readonly ProbeTask Probe = new()
    {
        Id = "json_schema:7", Suite = ProbeSuiteKind.JsonSchema, Prompt = "Extract the order.", ExpectedAnswer = """{"id":7}""", JsonSchemaText = """{"type":"object"}""",
    };

    /// <summary>A job queued by the previous release (binary format 2, with its probe task) is still compared and graded.</summary>
    [Fact]
    public void Deserialize_VersionTwoJob_IsStillProcessed_WithItsProbe()
    {
        var policy = new RoutePolicy("openai", new RouteShadowOptions { Baseline = new BaselineOptions { Address = "http://b/", Model = "m" } });
        var snapshot = new ShadowPolicySnapshot(new ShadowingOptions { Routes = new() { ["openai"] = policy.Options } }, 2);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteLegacyHead(w, version: 2, "pair-v2");
            w.Write(true);
            w.Write(Probe.Id);
            w.Write((int)Probe.Suite);
            w.Write(Probe.Prompt);
            w.Write(Probe.ExpectedAnswer);
            w.Write(true);
            w.Write(Probe.JsonSchemaText!);
            w.Write(true);
            w.Write($"{TraceId}-{SpanId}");
            w.Write(0);
        }

        Assert.True(ShadowExchangeSerializer.TryReadEnvelope(stream.ToArray(), out var pairId, out _));
        var (routeId, copy) = ShadowExchangeSerializer.Deserialize(stream.ToArray(), snapshot, "8-0");

        using (copy)
        {
            Assert.Equal(("openai", "pair-v2"), (routeId, pairId));
            Assert.NotNull(copy);
            Assert.Equal(("pair-v2", "/v1/chat/completions", 200), (copy.PairId, copy.BaselinePathAndQuery, copy.PrimaryStatusCode));
            Assert.Equal(Probe, copy.Probe);
            Assert.Equal(TraceId, copy.PrimaryActivity.TraceId.ToHexString());
        }
    }

    private static void WriteLegacyHead(BinaryWriter w, byte version, string pairId)
    {
        w.Write(version);
        w.Write(pairId);
        w.Write("openai");
        w.Write((int)OperationKind.ChatCompletions);
        w.Write("/v1/chat/completions");
        var request = """{"model":"gpt-4o","messages":[]}"""u8.ToArray();
        w.Write(request.Length);
        w.Write(request);
        w.Write(200);
        w.Write(true);
        w.Write("application/json");
        w.Write(false);
        var primary = """{"choices":[]}"""u8.ToArray();
        w.Write(primary.Length);
        w.Write(primary);
        w.Write(false);
        w.Write(TimeSpan.FromMilliseconds(5).Ticks);
        w.Write(TimeSpan.FromMilliseconds(9).Ticks);
        w.Write(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).UtcTicks);
        w.Write(false);
    }

    /// <summary>A job queued two releases back (format 1: a probe key instead of the task) is still compared.</summary>
    [Fact]
    public void Deserialize_VersionOneJob_IsStillProcessed_WithoutItsProbe()
    {
        var policy = new RoutePolicy("openai", new RouteShadowOptions { Baseline = new BaselineOptions { Address = "http://b/", Model = "m" } });
        var snapshot = new ShadowPolicySnapshot(new ShadowingOptions { Routes = new() { ["openai"] = policy.Options } }, 2);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteLegacyHead(w, version: 1, "pair-v1");
            w.Write(true);
            w.Write("0123456789abcdef");
            w.Write(false);
            w.Write(0);
        }

        var (routeId, copy) = ShadowExchangeSerializer.Deserialize(stream.ToArray(), snapshot, "9-0");

        using (copy)
        {
            Assert.Equal("openai", routeId);
            Assert.NotNull(copy);
            Assert.Equal(("pair-v1", "/v1/chat/completions", 200), (copy.PairId, copy.BaselinePathAndQuery, copy.PrimaryStatusCode));
            Assert.Equal("""{"choices":[]}""", Encoding.UTF8.GetString(copy.PrimaryResponse.Body.Span));
            Assert.Null(copy.Probe);
        }
    }
}
