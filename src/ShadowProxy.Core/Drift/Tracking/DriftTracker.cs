namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Live drift tracking: the gateway adds one observation per compared pair and asks for reports. Counts live in the
/// store (shared by replicas), and so does each key's sequential state: whichever replica evaluates folds the newly
/// closed buckets into it and saves it back, so all replicas report the same verdicts. Thread-safe.
/// </summary>
internal sealed class DriftTracker
{
    private const int SaveAttempts = 5;

    private readonly DriftOptions _options;
    private readonly IDriftWindowStore _store;
    private readonly TimeProvider _timeProvider;

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

    /// <summary>Evaluates every key the store knows: verdicts from the sequential state, description from the window.</summary>
    public async ValueTask<DriftReport> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var current = _options.BucketIndex(now);
        var closed = _options.ClosedThrough(now);
        var spans = await ForgetIdleAsync(await _store.KeysAsync(cancellationToken).ConfigureAwait(false), current, cancellationToken).ConfigureAwait(false);
        var evaluations = new List<(DriftKey Key, KeyEvaluation Evaluation, KeyMonitor Monitor)>(spans.Count);
        foreach (var span in spans.OrderBy(static s => s.Key.Route, StringComparer.Ordinal)
                     .ThenBy(static s => s.Key.PrimaryModel, StringComparer.Ordinal)
                     .ThenBy(static s => s.Key.BaselineModel, StringComparer.Ordinal))
        {
            var window = await _store.ReadAsync(span.Key, current - _options.WindowBuckets + 1, current, cancellationToken).ConfigureAwait(false);
            var monitor = await FoldAsync(span.Key, window, closed, cancellationToken).ConfigureAwait(false);
            evaluations.Add((span.Key, DriftEvaluator.Evaluate(window, _options), monitor));
        }

        var adjusted = AdjustAcrossKeys(evaluations.Select(static e => e.Evaluation));
        var keys = evaluations.Select(e => Report(e.Key, e.Evaluation, e.Monitor, adjusted)).ToList();
        return new DriftReport(now, keys) { DriftThreshold = _options.DriftThreshold, WarningThreshold = _options.WarningThreshold };
    }

    /// <summary>
    /// Accepts the current behaviour of a route's metrics (all when <paramref name="metric"/> is null) on every key
    /// of the route: their evidence is cleared and, once they have collected a new reference, they are tested against
    /// it. Returns the keys re-based; none when the route has no drift state.
    /// </summary>
    public async ValueTask<IReadOnlyList<(DriftKey Key, DriftAcceptance Acceptance)>> AcceptAsync(
        string route, string? metric, string? by, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        PairedStreams.EnsureRaisesDrift(metric);
        var accepted = new List<(DriftKey, DriftAcceptance)>();
        foreach (var span in (await _store.KeysAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.Key.Route == route))
        {
            DriftAcceptance? acceptance = null;
            var (_, saved) = await UpdateAsync(
                span.Key,
                // A key never evaluated has folded nothing: its older buckets must not become the accepted reference.
                () => new KeyMonitor { FoldedThrough = _options.ClosedThrough(_timeProvider.GetUtcNow()) },
                monitor =>
                {
                    acceptance = monitor.Accept(metric, by, reason, _timeProvider.GetUtcNow());
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            if (!saved)
            {
                throw new InvalidOperationException($"The drift state of route '{route}' kept changing; the accept was not saved.");
            }

            accepted.Add((span.Key, acceptance!));
        }

        return accepted;
    }

    /// <summary>
    /// Brings the key's shared state up to the newest closed bucket. Another replica may save first: then its state
    /// (the same buckets, folded the same way) or an accept it saved is read back and folded from there.
    /// </summary>
    private async ValueTask<KeyMonitor> FoldAsync(DriftKey key, IReadOnlyList<IndexedDriftBucket> window, long closed, CancellationToken cancellationToken)
    {
        var (monitor, _) = await UpdateAsync(
            key,
            static () => new KeyMonitor(),
            monitor =>
            {
                if (monitor.FoldedThrough >= closed)
                {
                    return false;
                }

                monitor.Fold(window, closed, _options);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return monitor;
    }

    /// <summary>
    /// Reads the key's shared state (or creates it), applies <paramref name="change"/> and saves the result only if
    /// nobody saved since it was read, reading again when somebody did. Returns the state as changed, and whether it
    /// was saved (or needed no saving).
    /// </summary>
    private async ValueTask<(KeyMonitor Monitor, bool Saved)> UpdateAsync(
        DriftKey key, Func<KeyMonitor> create, Func<KeyMonitor, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _store.LoadMonitorAsync(key, cancellationToken).ConfigureAwait(false);
            var monitor = stored is null ? create() : KeyMonitorJson.Deserialize(stored);
            if (!change(monitor) || await _store.TrySaveMonitorAsync(key, stored, KeyMonitorJson.Serialize(monitor), cancellationToken).ConfigureAwait(false))
            {
                return (monitor, true);
            }

            if (attempt == SaveAttempts)
            {
                return (monitor, false);
            }
        }
    }

    private async ValueTask<List<DriftKeySpan>> ForgetIdleAsync(IReadOnlyList<DriftKeySpan> spans, long current, CancellationToken cancellationToken)
    {
        var live = new List<DriftKeySpan>(spans.Count);
        foreach (var span in spans)
        {
            if (_options.IsIdle(span.LastBucket, current))
            {
                await _store.ForgetAsync(span, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                live.Add(span);
            }
        }

        return live;
    }

    /// <summary>Benjamini–Hochberg over every metric with a window p-value, whichever key it belongs to (descriptive).</summary>
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

    private DriftKeyReport Report(DriftKey key, KeyEvaluation evaluation, KeyMonitor monitor, Dictionary<MetricEvaluation, double> adjusted) => new()
    {
        Key = key,
        Pairs = evaluation.Pairs,
        NoiseFloor = evaluation.NoiseFloor,
        Disagreement = evaluation.Disagreement,
        Metrics = [.. evaluation.Metrics.Select(m => Report(m, adjusted.TryGetValue(m, out var p) ? p : null, monitor))],
        Acceptances = monitor.Acceptances,
    };

    private DriftMetricReport Report(MetricEvaluation metric, double? pAdjusted, KeyMonitor monitor)
    {
        var report = new DriftMetricReport
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
            State = DriftState.Ok,
            Note = metric.Note,
        };
        if (PairedStreams.Find(metric.Name) is not { } paired)
        {
            return report with { Note = metric.Note is null ? DriftMetricReport.DescriptiveNote : $"{DriftMetricReport.DescriptiveNote}; {metric.Note}" };
        }

        var stream = monitor.Stream(metric.Name);
        var evidence = stream.Evidence(paired);
        var alarmed = stream.State is DriftState.Warning or DriftState.Drift;
        return report with
        {
            State = stream.State,
            Evidence = evidence,
            Note = stream.State == DriftState.WarmingUp ? (stream.AcceptedBins is null ? DriftMetricReport.LearningNoiseNote : DriftMetricReport.LearningReferenceNote) : metric.Note,
            // The window's change-point estimate is sharper; the strongest CUSUM's start stands in when the change
            // began before the window.
            ChangeStartedAt = alarmed ? metric.ChangeStartedAt ?? _options.BucketStart(stream.Strongest(paired).StartBucket) : null,
            PairsAtDetection = stream.PairsAtDetection,
            FirstDriftAt = stream.FirstDriftAt,
        };
    }
}
