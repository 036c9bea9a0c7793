namespace ShadowProxy.Gateway.Shadowing.Sampling;

/// <summary>
/// FNV-1a over a string's UTF-16 code units: stable across processes and replicas (unlike string.GetHashCode),
/// allocation-free, and well mixed enough for a sampling threshold.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        // Final avalanche (from SplitMix64) so nearby keys land far apart.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111eb;
        return hash ^ (hash >> 31);
    }

    /// <summary>Maps the hash onto [0, 1).</summary>
    public static double ToUnitInterval(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
