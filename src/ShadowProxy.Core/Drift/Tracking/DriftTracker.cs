namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Live drift tracking: the gateway adds one observation per compared pair and asks for reports. Counts live
/// in the store (shared by replicas); only the per-metric hysteresis state lives here. Thread-safe.
/// </summary>
internal sealed class DriftTracker
{
    private readonly DriftOptions _options;
    private readonly IDriftWindowStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Dictionary<(DriftKey Key, string Metric), MetricHistory> _history = [];

    public DriftTracker(DriftOptions options, IDriftWindowStore store, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        (_options, _store, _timeProvider) = (options, store, timeProvider);
    }

    public DriftOptions Options => _options;

    public ValueTask AddAsync(DriftKey key, PairObservation observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(observation);
        return _store.AddAsync(key, _options.BucketIndex(observation.At), DriftBucket.Of(observation), cancellationToken);
    }

    /// <summary>Evaluates every key the store knows, adjusting p-values across all of them together.</summary>
    public async ValueTask<DriftReport> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var current = _options.BucketIndex(now);
        var spans = await ForgetIdleAsync(await _store.KeysAsync(cancellationToken).ConfigureAwait(false), current, cancellationToken).ConfigureAwait(false);
        var evaluations = new List<(DriftKey Key, KeyEvaluation Evaluation)>(spans.Count);
        foreach (var span in spans.OrderBy(static s => s.Key.Route, StringComparer.Ordinal)
                     .ThenBy(static s => s.Key.PrimaryModel, StringComparer.Ordinal)
                     .ThenBy(static s => s.Key.BaselineModel, StringComparer.Ordinal))
        {
            var window = await _store.ReadAsync(span.Key, current - _options.WindowBuckets + 1, current, cancellationToken).ConfigureAwait(false);
            var referenceEnd = Math.Min(current, span.FirstBucket + _options.ReferenceBuckets - 1);
            var reference = await _store.ReadAsync(span.Key, span.FirstBucket, referenceEnd, cancellationToken).ConfigureAwait(false);
            evaluations.Add((span.Key, DriftEvaluator.Evaluate(reference, window, _options)));
        }

        var adjusted = AdjustAcrossKeys(evaluations.Select(static e => e.Evaluation));
        lock (_lock)
        {
            var keys = evaluations.Select(e => Report(e.Key, e.Evaluation, adjusted, new DriftEvaluationMoment(now, current, e.Evaluation.Pairs))).ToList();
            return new DriftReport(now, keys);
        }
    }

    private async ValueTask<List<DriftKeySpan>> ForgetIdleAsync(IReadOnlyList<DriftKeySpan> spans, long current, CancellationToken cancellationToken)
    {
        var live = new List<DriftKeySpan>(spans.Count);
        foreach (var span in spans)
        {
            if (!_options.IsIdle(span.LastBucket, current))
            {
                live.Add(span);
                continue;
            }

            await _store.ForgetAsync(span, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                foreach (var stale in _history.Keys.Where(k => k.Key == span.Key).ToList())
                {
                    _history.Remove(stale);
                }
            }
        }

        return live;
    }

    /// <summary>Benjamini–Hochberg over every metric with a verdict, whichever key it belongs to.</summary>
    private static Dictionary<MetricEvaluation, double> AdjustAcrossKeys(IEnumerable<KeyEvaluation> evaluations)
    {
        var tested = evaluations.SelectMany(static e => e.Metrics).Where(static m => m.HasVerdict).ToList();
        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(static m => m.PValue!.Value)]);
        var byMetric = new Dictionary<MetricEvaluation, double>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tested.Count; i++)
        {
            byMetric[tested[i]] = adjusted[i];
        }

        return byMetric;
    }

    private DriftKeyReport Report(DriftKey key, KeyEvaluation evaluation, Dictionary<MetricEvaluation, double> adjusted, DriftEvaluationMoment moment) => new()
    {
        Key = key,
        Pairs = evaluation.Pairs,
        NoiseFloor = evaluation.NoiseFloor,
        Disagreement = evaluation.Disagreement,
        Metrics = [.. evaluation.Metrics.Select(m => Report(key, m, adjusted.TryGetValue(m, out var p) ? p : null, moment))],
    };

    private DriftMetricReport Report(DriftKey key, MetricEvaluation metric, double? pAdjusted, DriftEvaluationMoment moment)
    {
        var previous = _history.GetValueOrDefault((key, metric.Name), MetricHistory.Initial);
        var history = DriftHysteresis.Next(previous, pAdjusted, metric, moment, _options);
        var state = history.State;
        _history[(key, metric.Name)] = history;
        return new DriftMetricReport
        {
            Name = metric.Name,
            Pairs = metric.Pairs,
            BaselineValue = metric.BaselineValue,
            PrimaryValue = metric.PrimaryValue,
            Delta = metric.Delta,
            CiLow = metric.CiLow,
            CiHigh = metric.CiHigh,
            PValue = metric.PValue,
            PAdjusted = pAdjusted,
            State = state,
            Note = metric.Note,
            // A located change is only worth showing when the tests agree something changed.
            ChangeStartedAt = state == DriftState.Ok ? null : metric.ChangeStartedAt,
            PairsAtDetection = history.PairsAtDetection,
            FirstDriftAt = history.FirstDriftAt,
        };
    }
}
