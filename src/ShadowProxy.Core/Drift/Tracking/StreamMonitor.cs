namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// The sequential state of one paired stream of one key: its CUSUMs, the noise floor it is tested against and its
/// verdict. Advanced one closed bucket at a time, in order, so the same buckets always give the same state. Plain
/// data, so the state can be shared between replicas as JSON.
/// </summary>
internal sealed class StreamMonitor
{
    public double[] LogCusums { get; set; } = ChangeDetector.NewState();

    /// <summary>Per CUSUM: the bucket after it last stood at or below 0 (where the change it sees began).</summary>
    public long[] StartBuckets { get; set; } = new long[ChangeDetector.Components];

    /// <summary>Per CUSUM: trials since <see cref="StartBuckets"/>.</summary>
    public long[] StartTrials { get; set; } = new long[ChangeDetector.Components];

    /// <summary>Baseline-vs-replicate [failures, successes], decayed so they weigh about <see cref="DriftOptions.NoiseMemory"/> replicates.</summary>
    public double[] NoiseBins { get; set; } = [];

    /// <summary>After an accept: the primary's [failures, successes] that make the new reference; null while never accepted.</summary>
    public long[]? AcceptedBins { get; set; }

    public DriftState State { get; set; } = DriftState.WarmingUp;

    public long? PairsAtDetection { get; set; }

    public DateTimeOffset? FirstDriftAt { get; set; }

    /// <summary>
    /// The evidence of a change: ln of the e-detector times the stream's share of the false-alarm budget, so that one
    /// threshold serves every metric (<see cref="DriftOptions.DriftThreshold"/>).
    /// </summary>
    public double Evidence(PairedStream stream) => ChangeDetector.Statistic(LogCusums, TwoSided(stream)) + Math.Log(stream.FalseAlarmShare);

    /// <summary>The CUSUM with the most evidence: when its change began and how many trials it has seen since.</summary>
    public (long StartBucket, long Trials) Strongest(PairedStream stream)
    {
        var watched = TwoSided(stream) ? LogCusums.Length : ChangeDetector.Alternatives.Count;
        var best = 0;
        for (var i = 1; i < watched; i++)
        {
            best = LogCusums[i] > LogCusums[best] ? i : best;
        }

        return (StartBuckets[best], StartTrials[best]);
    }

    public void Fold(PairedStream stream, long bucketIndex, DriftBucket bucket, DriftOptions options, DateTimeOffset bucketEnd)
    {
        var primary = stream.Primary(bucket);
        var bounds = Bounds(stream, options);
        if (bounds is { } nullBounds)
        {
            var trials = primary.Sum();
            var successes = primary[1];
            Track(bucketIndex, trials);
            ChangeDetector.Update(LogCusums, trials, successes, nullBounds, options.DriftThreshold - Math.Log(stream.FalseAlarmShare) + ChangeDetector.CapAboveThreshold);
        }
        else if (AcceptedBins is { } accepted)
        {
            Add(accepted, primary);
        }

        if (stream.Noise is { } noise)
        {
            AddNoise(noise(bucket), options.NoiseMemory);
        }

        NextState(stream, bounds is not null, options, bucketEnd);
    }

    /// <summary>Starts over against a new reference: the primary's next pairs, as they come.</summary>
    public void Accept()
    {
        LogCusums = ChangeDetector.NewState();
        StartTrials = new long[ChangeDetector.Components];
        AcceptedBins = new long[2];
        (State, PairsAtDetection, FirstDriftAt) = (DriftState.WarmingUp, null, null);
    }

    /// <summary>
    /// The null for this bucket, from earlier buckets only; null while it is still being learnt (warming up).
    /// Its own uncertainty enters as a Wilson bound at <see cref="DriftOptions.NullBoundZ"/>.
    /// </summary>
    /// <summary>Paired flags, signs and orders, and every accepted reference, watch both directions; noise floors only upwards.</summary>
    private bool TwoSided(PairedStream stream) => AcceptedBins is not null || stream.Null == StreamNull.Symmetric;

    private NullBounds? Bounds(PairedStream stream, DriftOptions options)
    {
        if (AcceptedBins is { } accepted)
        {
            var total = accepted.Sum();
            if (total < options.AcceptReferencePairs)
            {
                return null;
            }

            var interval = WilsonInterval.Compute(accepted[1], total, options.NullBoundZ);
            return new NullBounds(interval.Low, interval.High, TwoSided: true);
        }

        if (stream.Null == StreamNull.Symmetric)
        {
            return NullBounds.Symmetric;
        }

        var replicates = NoiseBins.Sum();
        if (replicates < options.MinNoisePairs)
        {
            return null;
        }

        return NullBounds.AtMost(WilsonInterval.Compute(NoiseBins[1], replicates, options.NullBoundZ).High);
    }

    private void Track(long bucketIndex, long trials)
    {
        for (var i = 0; i < LogCusums.Length; i++)
        {
            if (LogCusums[i] <= 0)
            {
                (StartBuckets[i], StartTrials[i]) = (bucketIndex, 0);
            }

            StartTrials[i] += trials;
        }
    }

    private void AddNoise(long[] replicates, int memory)
    {
        var count = replicates.Sum();
        if (count == 0)
        {
            return;
        }

        if (NoiseBins.Length != replicates.Length)
        {
            NoiseBins = new double[replicates.Length];
        }

        // Exponential forgetting per replicate, not per hour: a quiet route keeps as many replicates in memory as a
        // busy one, and a busy one follows a slowly changing traffic mix.
        var keep = Math.Pow(1 - (1.0 / memory), count);
        for (var i = 0; i < NoiseBins.Length; i++)
        {
            NoiseBins[i] = (NoiseBins[i] * keep) + replicates[i];
        }
    }

    private static void Add(long[] into, long[] counts)
    {
        for (var i = 0; i < Math.Min(into.Length, counts.Length); i++)
        {
            into[i] += counts[i];
        }
    }

    /// <summary>
    /// Drift at the drift threshold and Warning at the warning threshold; either holds until the evidence has fallen
    /// to half the warning threshold, so a verdict does not flap while a change is under way.
    /// </summary>
    private void NextState(PairedStream stream, bool tested, DriftOptions options, DateTimeOffset bucketEnd)
    {
        var statistic = Evidence(stream);
        var holds = statistic >= options.WarningThreshold / 2;
        var next = !tested && !LogCusums.Any(static c => c > 0) ? DriftState.WarmingUp
            : statistic >= options.DriftThreshold || (State == DriftState.Drift && holds) ? DriftState.Drift
            : statistic >= options.WarningThreshold || (State == DriftState.Warning && holds) ? DriftState.Warning
            : DriftState.Ok;
        if (next == DriftState.Drift && State != DriftState.Drift)
        {
            (PairsAtDetection, FirstDriftAt) = (Strongest(stream).Trials, bucketEnd);
        }
        else if (next != DriftState.Drift)
        {
            (PairsAtDetection, FirstDriftAt) = (null, null);
        }

        State = next;
    }
}
