using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class InMemoryDriftWindowStoreTests
{
    private static readonly DriftKey Key = new("route", "primary", "baseline");
    private static readonly DriftOptions Options = new() { WindowBuckets = 3 };

    [Fact]
    public async Task AddAsync_SameBucketTwice_MergesCounts()
    {
        var store = new InMemoryDriftWindowStore(Options);

        await store.AddAsync(Key, 10, Observations.Bucket(5, 1), TestContext.Current.CancellationToken);
        await store.AddAsync(Key, 10, Observations.Bucket(3, 3), TestContext.Current.CancellationToken);
        var read = await store.ReadAsync(Key, 10, 10, TestContext.Current.CancellationToken);

        var bucket = Assert.Single(read);
        Assert.Equal((8, 4), (bucket.Counts.Pairs, bucket.Counts.Disagreements));
    }

    [Fact]
    public async Task ReadAsync_ReturnsCopies()
    {
        var store = new InMemoryDriftWindowStore(Options);
        await store.AddAsync(Key, 10, Observations.Bucket(5, 1), TestContext.Current.CancellationToken);

        (await store.ReadAsync(Key, 0, 20, TestContext.Current.CancellationToken))[0].Counts.Merge(Observations.Bucket(100, 100));

        Assert.Equal(5, (await store.ReadAsync(Key, 0, 20, TestContext.Current.CancellationToken))[0].Counts.Pairs);
    }

    [Fact]
    public async Task AddAsync_PastTheWindow_KeepsTheNewestBucketsOnly()
    {
        var store = new InMemoryDriftWindowStore(Options);
        for (var bucket = 100; bucket < 110; bucket++)
        {
            await store.AddAsync(Key, bucket, Observations.Bucket(1, 0), TestContext.Current.CancellationToken);
        }

        var kept = await store.ReadAsync(Key, 0, 1_000, TestContext.Current.CancellationToken);
        var span = Assert.Single(await store.KeysAsync(TestContext.Current.CancellationToken));

        Assert.Equal([107L, 108, 109], kept.Select(b => b.BucketIndex));
        Assert.Equal(new DriftKeySpan(Key, 100, 109), span);
    }

    [Fact]
    public async Task AddAsync_ConcurrentWriters_LoseNothing()
    {
        var store = new InMemoryDriftWindowStore(Options);

        await Parallel.ForAsync(0, 1_000, TestContext.Current.CancellationToken, async (i, ct) =>
            await store.AddAsync(Key, 5 + (i % 2), DriftBucket.Of(Observations.Pair(disagree: true)), ct));

        var read = await store.ReadAsync(Key, 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(1_000, read.Sum(b => b.Counts.Disagreements));
    }
}
