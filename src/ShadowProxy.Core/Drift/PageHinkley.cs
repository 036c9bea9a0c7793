namespace ShadowProxy.Core.Drift;

/// <summary>
/// Incremental Page–Hinkley change detector for a shift of the mean in either direction. Each side keeps
/// the cumulative deviation from the running mean and its extreme; when the gap passes the threshold the
/// change is reported as starting just after the observation where that extreme was reached.
/// Not thread-safe: one instance per series.
/// </summary>
internal sealed class PageHinkley(PageHinkleyOptions? options = null)
{
    private readonly PageHinkleyOptions _options = options ?? new PageHinkleyOptions();
    private double _mean;
    private double _upSum;
    // Extremes start at the empty prefix (sum 0, index -1), so a change from the first observation is reported as 0.
    private double _upMin;
    private int _upMinIndex = -1;
    private double _downSum;
    private double _downMax;
    private int _downMaxIndex = -1;

    public int Count { get; private set; }

    public bool ChangeDetected { get; private set; }

    /// <summary>Zero-based index of the first observation of the new regime, once a change is detected.</summary>
    public int? ChangeStartIndex { get; private set; }

    public bool? Increased { get; private set; }

    /// <summary>Adds one observation; returns true on the observation that raises the alarm.</summary>
    public bool Add(double value)
    {
        var index = Count++;
        _mean += (value - _mean) / Count;
        _upSum += value - _mean - _options.Delta;
        _downSum += value - _mean + _options.Delta;
        if (_upSum < _upMin)
        {
            (_upMin, _upMinIndex) = (_upSum, index);
        }

        if (_downSum > _downMax)
        {
            (_downMax, _downMaxIndex) = (_downSum, index);
        }

        if (ChangeDetected || Count < _options.MinObservations)
        {
            return false;
        }

        if (_upSum - _upMin > _options.Threshold)
        {
            return Alarm(increased: true, _upMinIndex + 1);
        }

        return _downMax - _downSum > _options.Threshold && Alarm(increased: false, _downMaxIndex + 1);
    }

    private bool Alarm(bool increased, int startIndex)
    {
        ChangeDetected = true;
        Increased = increased;
        ChangeStartIndex = startIndex;
        return true;
    }
}
