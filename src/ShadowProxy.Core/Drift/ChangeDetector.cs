namespace ShadowProxy.Core.Drift;

/// <summary>
/// Sequential change detection on a stream of Bernoulli trials arriving in buckets: one CUSUM per alternative
/// rate, each the log likelihood ratio of "the rate moved to the alternative since some bucket" against the nearest
/// null bound, combined as a weighted average.
/// <para>
/// Why this is valid however often it is looked at: against any rate inside the null bounds each bucket's
/// likelihood ratio has expectation at most 1, given everything before it (the bounds come from earlier buckets
/// only). A CUSUM is at most the matching Shiryaev–Roberts sum, and a weighted average of Shiryaev–Roberts sums of
/// such e-values is an e-detector: alarming when it reaches A gives an average run length of at least A buckets
/// without change (Shin, Ramdas and Rinaldo 2022, "E-detectors"). Verdicts only compare the statistic with
/// thresholds derived from run lengths (<see cref="Tracking.DriftOptions.DriftThreshold"/>), so re-reading it every
/// few seconds cannot raise the false-alarm rate.
/// </para>
/// </summary>
internal static class ChangeDetector
{
    /// <summary>
    /// The alternatives, as absolute changes of the rate away from the null bound, with their prior weights: most
    /// on the ten-point changes the detector is tuned for, some on small and on large ones. No alternative closer
    /// than five points: the CUSUM's drift then stays negative even if a learnt null is off by two points.
    /// </summary>
    public static IReadOnlyList<(double Shift, double Weight)> Alternatives { get; } = [(0.05, 0.2), (0.1, 0.4), (0.25, 0.25), (0.4, 0.15)];

    /// <summary>One CUSUM per alternative upwards, then one per alternative downwards.</summary>
    public static int Components => Alternatives.Count * 2;

    /// <summary>
    /// How far above the drift threshold a CUSUM may climb, so evidence from an old change fades within a few hundred
    /// pairs once the rates agree again.
    /// </summary>
    public const double CapAboveThreshold = 10;

    public static double[] NewState() => new double[Components];

    /// <summary>Adds one bucket's trials to every CUSUM (log domain, each floored at 0 before the step).</summary>
    public static void Update(double[] logCusums, long trials, long successes, NullBounds bounds, double cap)
    {
        ArgumentNullException.ThrowIfNull(logCusums);
        if (trials <= 0)
        {
            return;
        }

        var failures = trials - successes;
        for (var i = 0; i < Alternatives.Count; i++)
        {
            var shift = Alternatives[i].Shift;
            Step(logCusums, i, bounds.High, bounds.High + shift, successes, failures, cap);
            if (bounds.TwoSided)
            {
                Step(logCusums, Alternatives.Count + i, bounds.Low, bounds.Low - shift, successes, failures, cap);
            }
        }
    }

    /// <summary>
    /// ln of the weighted average of the CUSUMs that watch the null's sides (the e-detector's value); 0 means no
    /// evidence. A two-sided null splits each weight between its sides.
    /// </summary>
    public static double Statistic(IReadOnlyList<double> logCusums, bool twoSided)
    {
        ArgumentNullException.ThrowIfNull(logCusums);
        var terms = new List<double>(Components);
        for (var i = 0; i < Alternatives.Count; i++)
        {
            var weight = Math.Log(Alternatives[i].Weight / (twoSided ? 2 : 1));
            terms.Add(logCusums[i] + weight);
            if (twoSided)
            {
                terms.Add(logCusums[Alternatives.Count + i] + weight);
            }
        }

        var max = terms.Max();
        return Math.Max(0, max + Math.Log(terms.Sum(t => Math.Exp(t - max))));
    }

    private static void Step(double[] logCusums, int index, double nullRate, double alternative, long successes, long failures, double cap)
    {
        // An alternative outside (0, 1) has no usable likelihood ratio: that CUSUM keeps its value.
        if (alternative <= 0 || alternative >= 1 || nullRate <= 0 || nullRate >= 1)
        {
            return;
        }

        var step = (successes * Math.Log(alternative / nullRate)) + (failures * Math.Log((1 - alternative) / (1 - nullRate)));
        logCusums[index] = Math.Min(cap, Math.Max(0, logCusums[index]) + step);
    }
}
