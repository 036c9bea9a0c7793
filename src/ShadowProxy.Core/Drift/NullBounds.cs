namespace ShadowProxy.Core.Drift;

/// <summary>
/// The rates a stream may have while nothing changed: a success probability in [<see cref="Low"/>, <see cref="High"/>].
/// A one-sided null only watches for rates above <see cref="High"/>.
/// </summary>
internal readonly record struct NullBounds(double Low, double High, bool TwoSided)
{
    public static NullBounds Symmetric { get; } = new(0.5, 0.5, TwoSided: true);

    public static NullBounds AtMost(double high) => new(0, high, TwoSided: false);
}
