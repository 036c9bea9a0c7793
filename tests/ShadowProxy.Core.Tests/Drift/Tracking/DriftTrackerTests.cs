using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Drift;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DriftTrackerTests
{
    private static readonly DriftKey Chat = new("chat", "gpt-new", "gpt-old");
    private static readonly DriftKey Search = new("search", "gpt-new", "gpt-old");

    private static readonly DriftOptions Options = new() { WindowBuckets = 3, ReferenceBuckets = 3, DriftConfirmationBuckets = 1 };

    private readonly FakeTimeProvider _time = new(Observations.Start);

    private DriftTracker NewTracker(DriftOptions? options = null) =>
        new(options ?? Options, new InMemoryDriftWindowStore(options ?? Options), _time);

    private async Task AddBucketAsync(DriftTracker tracker, DriftKey key, int pairs, int disagreements, int noiseDisagreements)
    {
        for (var i = 0; i < pairs; i++)
        {
            var pair = Observations.Pair(disagree: i < disagreements, noiseDisagree: i < noiseDisagreements, at: _time.GetUtcNow());
            await tracker.AddAsync(key, pair, TestContext.Current.CancellationToken);
        }
    }

    private static DriftMetricReport Disagreement(DriftReport report, DriftKey key) =>
        report.Keys.Single(k => k.Key == key).Metrics.Single(m => m.Name == DriftMetricNames.AnswerDisagreement);

    [Fact]
    public async Task EvaluateAsync_ForgetsAKeyIdlePastTheExpiry_AndKeepsTheActiveOnes()
    {
        var options = Options with { IdleKeyExpiry = TimeSpan.FromDays(30) };
        var store = new InMemoryDriftWindowStore(options);
        var tracker = new DriftTracker(options, store, _time);
        await AddBucketAsync(tracker, Chat, pairs: 10, disagreements: 0, noiseDisagreements: 0);
        await AddBucketAsync(tracker, Search, pairs: 10, disagreements: 0, noiseDisagreements: 0);

        _time.Advance(TimeSpan.FromDays(29));
        await AddBucketAsync(tracker, Search, pairs: 10, disagreements: 0, noiseDisagreements: 0);
        await tracker.EvaluateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, (await store.KeysAsync(TestContext.Current.CancellationToken)).Count);

        _time.Advance(TimeSpan.FromDays(2));
        var report = await tracker.EvaluateAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Search], (await store.KeysAsync(TestContext.Current.CancellationToken)).Select(s => s.Key));
        Assert.Equal([Search], report.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task EvaluateAsync_SustainedDisagreement_WarnsThenDriftsThenClearsOnceTheWindowMovesOn()
    {
        var tracker = NewTracker();
        var states = new List<DriftState>();
        var pairs = new List<long?>();
        for (var minute = 0; minute < 9; minute++)
        {
            var drifting = minute < 4;
            await AddBucketAsync(tracker, Chat, pairs: 100, disagreements: drifting ? 60 : 10, noiseDisagreements: 10);
            var metric = Disagreement(await tracker.EvaluateAsync(TestContext.Current.CancellationToken), Chat);
            states.Add(metric.State);
            pairs.Add(metric.PairsAtDetection);
            _time.Advance(Options.BucketDuration);
        }

        Assert.Equal(
            [DriftState.Warning, DriftState.Drift, DriftState.Drift, DriftState.Drift, DriftState.Drift, DriftState.Drift, DriftState.Ok, DriftState.Ok, DriftState.Ok],
            states);
        Assert.Equal(200, pairs[1]);
        Assert.Equal(200, pairs[5]);
        Assert.Null(pairs[6]);
    }

    [Fact]
    public async Task EvaluateAsync_Drift_ReportsFirstDriftTimeAndWhereTheChangeBegan()
    {
        var tracker = NewTracker(Options with { WindowBuckets = 60 });
        DriftMetricReport? metric = null;
        for (var minute = 0; minute < 12; minute++)
        {
            await AddBucketAsync(tracker, Chat, pairs: 50, disagreements: minute < 6 ? 5 : 30, noiseDisagreements: 5);
            metric = Disagreement(await tracker.EvaluateAsync(TestContext.Current.CancellationToken), Chat);
            _time.Advance(Options.BucketDuration);
        }

        Assert.Equal(DriftState.Drift, metric!.State);
        Assert.Equal(Observations.Start.AddMinutes(6), metric.ChangeStartedAt);
        Assert.NotNull(metric.FirstDriftAt);
        Assert.InRange(metric.FirstDriftAt!.Value, Observations.Start.AddMinutes(7), Observations.Start.AddMinutes(9));
    }

    [Fact]
    public async Task EvaluateAsync_SeveralKeys_AdjustsPValuesAcrossAllOfThemTogether()
    {
        var tracker = NewTracker();
        await AddBucketAsync(tracker, Chat, pairs: 100, disagreements: 30, noiseDisagreements: 18);
        await AddBucketAsync(tracker, Search, pairs: 100, disagreements: 20, noiseDisagreements: 20);

        var report = await tracker.EvaluateAsync(TestContext.Current.CancellationToken);

        var tested = report.Keys.SelectMany(k => k.Metrics).Where(m => m.PValue is not null).ToList();
        var expected = BenjaminiHochberg.Adjust([.. tested.Select(m => m.PValue!.Value)]);
        Assert.Equal(2, report.Keys.Count);
        Assert.Equal(expected, tested.Select(m => m.PAdjusted!.Value));
        var chat = Disagreement(report, Chat);
        Assert.True(chat.PAdjusted > chat.PValue);
    }

    [Fact]
    public async Task EvaluateAsync_TooFewPairs_NeverGivesAVerdict()
    {
        var tracker = NewTracker();
        for (var minute = 0; minute < 5; minute++)
        {
            await AddBucketAsync(tracker, Chat, pairs: 5, disagreements: 5, noiseDisagreements: 0);
            var report = await tracker.EvaluateAsync(TestContext.Current.CancellationToken);

            Assert.All(report.Keys.Single().Metrics, m =>
            {
                Assert.Equal(DriftState.Ok, m.State);
                Assert.Equal(MetricEvaluation.InsufficientDataNote, m.Note);
                Assert.Null(m.PAdjusted);
            });
            _time.Advance(Options.BucketDuration);
        }
    }

    [Fact]
    public async Task EvaluateAsync_ReportsNoiseFloorAndDisagreementWithIntervals()
    {
        var tracker = NewTracker();
        await AddBucketAsync(tracker, Chat, pairs: 100, disagreements: 30, noiseDisagreements: 10);

        var key = (await tracker.EvaluateAsync(TestContext.Current.CancellationToken)).Keys.Single();

        Assert.Equal(100, key.Pairs);
        Assert.Equal(new RateEstimate(0.1, WilsonInterval.Compute(10, 100).Low, WilsonInterval.Compute(10, 100).High, 100), key.NoiseFloor);
        Assert.Equal(0.3, key.Disagreement.Rate, 10);
        Assert.Equal(DriftMetricCatalogue.All.Select(static d => d.Name), key.Metrics.Select(static m => m.Name));
    }

    [Fact]
    public async Task AddAsync_FromManyThreads_CountsEveryPair()
    {
        var tracker = NewTracker();

        await Parallel.ForAsync(0, 2_000, TestContext.Current.CancellationToken, async (i, ct) =>
            await tracker.AddAsync(Chat, Observations.Pair(disagree: i % 2 == 0, at: Observations.Start), ct));

        Assert.Equal(2_000, (await tracker.EvaluateAsync(TestContext.Current.CancellationToken)).Keys.Single().Pairs);
    }
}
