using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Storage.Redis;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

/// <summary>
/// Red-team finding 8, against a real redis-server: the stream holds sealed jobs only (no prompt in clear), a settled
/// job is deleted, and a job written without the deployment's Redis:PayloadKey is counted and refused, never sent.
/// </summary>
public sealed partial class RedisStreamSecurityTests
{
    private const string PlantedPrompt = "my-secret-prompt-text-0451";

    [Fact]
    public async Task Stream_HoldsNoPromptInClear_AndSettledJobsAreDeleted()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
        var db = redis.GetDatabase();
        var stream = deployment.KeyPrefix + "queue";
        using var client = gateway.ProxyClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.SendAsync(Shadowing.BaselineRequestTests.Chat(
                $$"""{"model":"gpt-4o","messages":[{"role":"user","content":"{{PlantedPrompt}} {{i}}"}]}"""), TestContext.Current.CancellationToken);
        }

        await Eventually.TrueAsync(async () => await db.StreamLengthAsync(stream) == 5, TimeSpan.FromSeconds(10), () => "five jobs on the stream");
        var entries = await db.StreamRangeAsync(stream);
        Assert.All(entries, entry => Assert.DoesNotContain(PlantedPrompt, Encoding.UTF8.GetString((byte[])entry["x"]!), StringComparison.Ordinal));

        await deployment.StartReplicaAsync(GatewayRole.Worker);
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, await deployment.OutcomesAsync("paired"));
        await Eventually.TrueAsync(async () => await db.StreamLengthAsync(stream) == 0, TimeSpan.FromSeconds(10), () => "settled jobs deleted from the stream");
    }

    [Theory]
    [InlineData("plaintext")]
    [InlineData("another key")]
    [InlineData("tampered")]
    public async Task JobNotSealedWithThePayloadKey_IsRefusedCountedAndNeverSent(string forgery)
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var worker = await deployment.StartReplicaAsync(GatewayRole.Worker);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
        var db = redis.GetDatabase();
        var stream = deployment.KeyPrefix + "queue";
        var job = ForgedJob(deployment.Baseline.BaseUri);
        byte[] payload = forgery switch
        {
            "plaintext" => job,
            "another key" => Protector("an-attackers-own-key-of-enough-length-xyz", deployment.KeyPrefix).Seal(job),
            _ => Tampered(Protector(RedisDeployment.PayloadKey, deployment.KeyPrefix).Seal(job)),
        };

        await db.StreamAddAsync(stream, [new NameValueEntry("x", payload)]);

        await Eventually.TrueAsync(async () => await RejectedAsync(worker) == 1, TimeSpan.FromSeconds(15), () => "the forged job refused and counted");
        await Eventually.TrueAsync(async () => await db.StreamLengthAsync(stream) == 0, TimeSpan.FromSeconds(10), () => "the forged job deleted");
        Assert.Empty(deployment.Baseline.Journal.Entries);
        Assert.Equal(0, await deployment.OutcomesAsync());
    }

    /// <summary>An authentic job in a format this release cannot read (a newer one) still ends in one outcome.</summary>
    [Fact]
    public async Task AuthenticJobOfAnUnknownFormat_GetsOneOutcome_AndIsNeverSent()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var worker = await deployment.StartReplicaAsync(GatewayRole.Worker);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
        // Every format from 3 on leads with its version and envelope; what follows may be anything.
        var future = System.Text.Encoding.UTF8.GetBytes($$$"""{"v":4,"pair_id":"pair-from-the-future","route":"{{{RedisDeployment.Route}}}","request":{"parts":[1,2,3]}}""");

        await redis.GetDatabase().StreamAddAsync(deployment.KeyPrefix + "queue", [new NameValueEntry("x", Protector(RedisDeployment.PayloadKey, deployment.KeyPrefix).Seal(future))]);

        await Eventually.TrueAsync(async () => await deployment.OutcomesAsync() == 1, TimeSpan.FromSeconds(15), () => "the unreadable job's outcome");
        Assert.Equal(1, await deployment.OutcomesAsync("dropped_unreadable"));
        Assert.Equal(1, await RejectedAsync(worker, "unreadable"));
        Assert.Empty(deployment.Baseline.Journal.Entries);
    }

    private static byte[] ForgedJob(Uri baseline)
    {
        var options = new RouteShadowOptions { Baseline = new BaselineOptions { Address = baseline.ToString(), Model = "m" } };
        var request = new PooledCapture(1024);
        request.Append("""{"model":"gpt-4o","messages":[{"role":"user","content":"forged"}]}"""u8);
        var primary = new PooledCapture(1024);
        primary.Append(TestUpstream.CannedChat);
        using var exchange = new ShadowExchange
        {
            PairId = "forged-1",
            Policy = new RoutePolicy(RedisDeployment.Route, options),
            PolicyVersion = 1,
            Operation = OperationKind.ChatCompletions,
            BaselinePathAndQuery = "/v1/chat/completions",
            RequestBody = request,
            Streamed = false,
            PrimaryStatusCode = 200,
            PrimaryContentType = "application/json",
            PrimaryBody = primary,
            PrimaryTimeToFirstByte = TimeSpan.FromMilliseconds(1),
            PrimaryTotal = TimeSpan.FromMilliseconds(2),
            StartedAt = DateTimeOffset.UtcNow,
            WantsNoiseReplicate = false,
        };
        return ShadowExchangeSerializer.Serialize(exchange);
    }

    private static StreamPayloadProtector Protector(string key, string prefix) =>
        new(Options.Create(new RedisOptions { PayloadKey = key, KeyPrefix = prefix }));

    private static byte[] Tampered(byte[] sealedJob)
    {
        sealedJob[^1] ^= 0x01;
        return sealedJob;
    }

    private static async Task<long> RejectedAsync(GatewayApp replica, string reason = "unauthenticated")
    {
        using var admin = replica.AdminClient();
        var match = RejectedLine().Matches(await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken)).FirstOrDefault(m => m.Groups[1].Value == reason);
        return match is not null ? long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"shadowproxy_shadow_jobs_rejected_total\{reason=""(\w+)""\} (\d+)")]
    private static partial Regex RejectedLine();
}
