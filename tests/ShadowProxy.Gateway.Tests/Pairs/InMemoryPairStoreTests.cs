using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Evidence;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Gateway.Tests.Pairs;

public sealed class InMemoryPairStoreTests
{
    [Fact]
    public async Task StoredEvidence_ExpiresAfterTheTtl()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new InMemoryPairStore(Options.Create(new EvidenceOptions { Ttl = TimeSpan.FromDays(7) }), time);
        await store.OnPairAsync(Pair("old", time.GetUtcNow()), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(6));
        await store.OnPairAsync(Pair("new", time.GetUtcNow()), TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Null(await store.GetAsync("old", TestContext.Current.CancellationToken));
        Assert.NotNull(await store.GetAsync("new", TestContext.Current.CancellationToken));
        var (total, _) = await store.QueryAsync(new PairQuery(null, null, null, null, null, 1, 50), TestContext.Current.CancellationToken);
        Assert.Equal(1, total);
    }

    [Fact]
    public async Task Store_IsBoundedByBytes_KeepingTheNewest()
    {
        const long limit = 2 * 1024 * 1024;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new InMemoryPairStore(Options.Create(new EvidenceOptions { MaxMemoryBytes = limit }), time);

        for (var i = 0; i < 100; i++)
        {
            await store.OnPairAsync(Pair($"p{i}", time.GetUtcNow()) with { PrimaryText = new string('a', 100_000), BaselineText = new string('b', 100_000) }, TestContext.Current.CancellationToken);
            Assert.InRange(store.Bytes, 0, limit);
        }

        // 100 records of ~400 KB each: only the last few fit, and they are the newest.
        Assert.InRange(store.Count, 1, 5);
        Assert.NotNull(await store.GetAsync("p99", TestContext.Current.CancellationToken));
        Assert.Null(await store.GetAsync("p0", TestContext.Current.CancellationToken));
    }

    private static PairRecord Pair(string id, DateTimeOffset at) => new()
    {
        PairId = id,
        RouteId = "openai",
        StartedAt = at,
        Operation = OperationKind.ChatCompletions,
        Streamed = false,
        PinnedModel = "pinned",
        Comparison = new PairComparison { Baseline = new SideFacts(), Primary = new SideFacts() },
        PromptText = "redacted prompt",
    };
}
