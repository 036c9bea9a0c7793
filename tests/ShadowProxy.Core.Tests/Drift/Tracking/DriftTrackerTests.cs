using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Drift;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DriftTrackerTests
{
    private static readonly DriftKey Chat = new("chat", "gpt-new", "gpt-old");
    private static readonly DriftKey Search = new("search", "gpt-new", "gpt-old");

    private static readonly DriftOptions Options = new() { WindowBuckets = 3 };

    /// <summary>Ten seconds into a bucket, so one bucket later the previous one is closed (past its grace) and folded in.</summary>
    private readonly FakeTimeProvider _time = new(Observations.Start.AddSeconds(10));

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

    /// <summary>Adds a bucket of pairs, moves on a bucket and evaluates, as the gateway's timer would.</summary>
    private async Task<DriftMetricReport> StepAsync(DriftTracker tracker, int pairs, int disagreements, int noiseDisagreements)
    {
        await AddBucketAsync(tracker, Chat, pairs, disagreements, noiseDisagreements);
        _time.Advance(Options.BucketDuration);
        return Disagreement(await tracker.EvaluateAsync(TestContext.Current.CancellationToken), Chat);
    }

    [Fact]
    public async Task EvaluateAsync_DisagreementAboveTheNoiseFloor_WarmsUpThenDriftsThenClearsWhenItReturns()
    {
        var tracker = NewTracker();
        var states = new List<DriftState>();
        var pairs = new List<long?>();
        for (var minute = 0; minute < 16; minute++)
        {
            var metric = await StepAsync(tracker, pairs: 100, disagreements: minute is >= 1 and < 4 ? 60 : 10, noiseDisagreements: 10);
            states.Add(metric.State);
            pairs.Add(metric.PairsAtDetection);
        }

        // Bucket 0 teaches the noise floor (10%); 60% is far above it from bucket 1 on; back at 10% the evidence drains.
        Assert.Equal(DriftState.WarmingUp, states[0]);
        Assert.Equal(DriftState.Drift, states[1]);
        Assert.Equal(100, pairs[1]);
        Assert.Equal(DriftState.Drift, states[3]);
        Assert.Equal(DriftState.Ok, states[^1]);
        Assert.Null(pairs[^1]);
    }

    [Fact]
    public async Task EvaluateAsync_DisagreementAtTheNoiseFloor_NeverWarns()
    {
        var tracker = NewTracker();
        for (var minute = 0; minute < 200; minute++)
        {
            var metric = await StepAsync(tracker, pairs: 100, disagreements: 10, noiseDisagreements: 10);
            Assert.Equal(minute == 0 ? DriftState.WarmingUp : DriftState.Ok, metric.State);
        }
    }

    [Fact]
    public async Task EvaluateAsync_Drift_ReportsFirstDriftTimeAndWhereTheChangeBegan()
    {
        var tracker = NewTracker(Options with { WindowBuckets = 60 });
        DriftMetricReport? metric = null;
        for (var minute = 0; minute < 12; minute++)
        {
            metric = await StepAsync(tracker, pairs: 50, disagreements: minute < 6 ? 5 : 30, noiseDisagreements: 5);
        }

        Assert.Equal(DriftState.Drift, metric!.State);
        Assert.Equal(Observations.Start.AddMinutes(6), metric.ChangeStartedAt);
        Assert.InRange(metric.FirstDriftAt!.Value, Observations.Start.AddMinutes(7), Observations.Start.AddMinutes(9));
        Assert.True(metric.Evidence >= tracker.Options.DriftThreshold);
    }

    [Fact]
    public async Task AcceptAsync_ClearsTheAlarm_LearnsTheNewLevel_AndCatchesTheNextChange()
    {
        var tracker = NewTracker();
        for (var minute = 0; minute < 3; minute++)
        {
            await StepAsync(tracker, pairs: 100, disagreements: minute == 0 ? 10 : 50, noiseDisagreements: 10);
        }

        var accepted = await tracker.AcceptAsync("chat", metric: null, by: "ops", reason: "moved to the new model", TestContext.Current.CancellationToken);
        var report = await tracker.EvaluateAsync(TestContext.Current.CancellationToken);

        var acceptance = Assert.Single(accepted).Acceptance;
        Assert.Equal(PairedStreams.All.Select(s => s.Name), acceptance.Metrics);
        var audited = Assert.Single(report.Keys.Single().Acceptances);
        Assert.Equal((acceptance.At, "ops", "moved to the new model"), (audited.At, audited.By, audited.Reason));
        var cleared = Disagreement(report, Chat);
        Assert.Equal(DriftState.WarmingUp, cleared.State);
        Assert.Equal(DriftMetricReport.LearningReferenceNote, cleared.Note);

        var states = new List<DriftState>();
        for (var minute = 0; minute < 8; minute++)
        {
            states.Add((await StepAsync(tracker, pairs: 100, disagreements: minute < 5 ? 50 : 90, noiseDisagreements: 10)).State);
        }

        // Three buckets fill the 300-pair reference at 50%; 50% is then Ok and 90% a new drift.
        Assert.Equal([DriftState.WarmingUp, DriftState.WarmingUp, DriftState.WarmingUp, DriftState.Ok, DriftState.Ok, DriftState.Drift], states.Take(6));
    }

    [Fact]
    public async Task AcceptAsync_OneMetric_LeavesTheOthersAlone_AndAnUnknownMetricIsRefused()
    {
        var tracker = NewTracker();
        await StepAsync(tracker, pairs: 100, disagreements: 10, noiseDisagreements: 10);
        await StepAsync(tracker, pairs: 100, disagreements: 10, noiseDisagreements: 10);

        var accepted = await tracker.AcceptAsync("chat", DriftMetricNames.Refusal, by: null, reason: null, TestContext.Current.CancellationToken);
        var report = await tracker.EvaluateAsync(TestContext.Current.CancellationToken);

        Assert.Equal([DriftMetricNames.Refusal], Assert.Single(accepted).Acceptance.Metrics);
        Assert.Equal(DriftState.WarmingUp, report.Keys.Single().Metrics.Single(m => m.Name == DriftMetricNames.Refusal).State);
        Assert.Equal(DriftState.Ok, Disagreement(report, Chat).State);
        var refused = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await tracker.AcceptAsync("chat", "length_psi", null, null, TestContext.Current.CancellationToken));
        Assert.Contains("length_psi", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await tracker.AcceptAsync("no-such-route", null, null, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EvaluateAsync_TwoTrackersOnOneStore_ShareVerdictsAndAccepts()
    {
        var store = new InMemoryDriftWindowStore(Options);
        var first = new DriftTracker(Options, store, _time);
        var second = new DriftTracker(Options, store, _time);
        for (var minute = 0; minute < 3; minute++)
        {
            await AddBucketAsync(first, Chat, 50, minute == 0 ? 5 : 30, 5);
            await AddBucketAsync(second, Chat, 50, minute == 0 ? 5 : 30, 5);
            _time.Advance(Options.BucketDuration);
            Assert.Equal(
                Disagreement(await first.EvaluateAsync(TestContext.Current.CancellationToken), Chat),
                Disagreement(await second.EvaluateAsync(TestContext.Current.CancellationToken), Chat));
        }

        Assert.Equal(DriftState.Drift, Disagreement(await second.EvaluateAsync(TestContext.Current.CancellationToken), Chat).State);
        await first.AcceptAsync("chat", null, "ops", null, TestContext.Current.CancellationToken);

        var seen = await second.EvaluateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DriftState.WarmingUp, Disagreement(seen, Chat).State);
        Assert.Equal("ops", Assert.Single(seen.Keys.Single().Acceptances).By);
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
    public async Task EvaluateAsync_WithoutReplicates_DisagreementWarmsUpAndNeverWarns()
    {
        var tracker = NewTracker();
        for (var minute = 0; minute < 5; minute++)
        {
            for (var i = 0; i < 100; i++)
            {
                await tracker.AddAsync(Chat, Observations.Pair(disagree: i < 90, noiseDisagree: null, at: _time.GetUtcNow()), TestContext.Current.CancellationToken);
            }

            _time.Advance(Options.BucketDuration);
            var metric = Disagreement(await tracker.EvaluateAsync(TestContext.Current.CancellationToken), Chat);
            Assert.Equal(DriftState.WarmingUp, metric.State);
            Assert.Equal(DriftMetricReport.LearningNoiseNote, metric.Note);
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
