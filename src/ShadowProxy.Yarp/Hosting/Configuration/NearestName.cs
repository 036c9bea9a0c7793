namespace ShadowProxy.Yarp.Hosting.Configuration;

/// <summary>"Did you mean …?": the closest known name by edit distance, if it is close enough to be a typo.</summary>
internal static class NearestName
{
    /// <summary>The known name nearest <paramref name="name"/>: within <paramref name="maxDistance"/> edits, or by default a third of the name (at least 2) or a prefix.</summary>
    public static string? Find(string name, IEnumerable<string> known, int? maxDistance = null)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        if (maxDistance is { } max)
        {
            return bestDistance <= max ? best : null;
        }

        // A prefix ("TtlDays" for "Ttl") or a few edits; beyond that a suggestion is a guess, not help.
        return best is not null && (bestDistance <= Math.Max(2, name.Length / 3)
            || name.StartsWith(best, StringComparison.OrdinalIgnoreCase)
            || best.StartsWith(name, StringComparison.OrdinalIgnoreCase)) ? best : null;
    }

    /// <summary>Levenshtein distance with adjacent transpositions (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
