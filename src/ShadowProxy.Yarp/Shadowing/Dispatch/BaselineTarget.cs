namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Where a baseline copy goes: the baseline's own scheme, host and path prefix, followed by the path (still escaped)
/// and query that the primary received below its destination prefix. Nothing a client sends can change the host or
/// climb out of the prefix: the result is checked, not trusted.
/// </summary>
internal static class BaselineTarget
{
    /// <returns>The primary's path and query below its destination prefix, escaped as sent; null when it is not below it.</returns>
    public static string? RelativeToPrefix(Uri primaryRequest, string destinationPrefix)
    {
        if (!Uri.TryCreate(destinationPrefix, UriKind.Absolute, out var prefix))
        {
            return null;
        }

        var prefixPath = prefix.AbsolutePath.TrimEnd('/');
        var path = primaryRequest.AbsolutePath;
        if (!path.StartsWith(prefixPath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        return path[prefixPath.Length..] + primaryRequest.Query;
    }

    /// <returns>The baseline URI, or null when the combination would leave the baseline's address.</returns>
    public static Uri? Resolve(Uri baselineAddress, string relativePathAndQuery)
    {
        if (relativePathAndQuery.Length == 0 || relativePathAndQuery[0] != '/' || relativePathAndQuery.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var prefixPath = baselineAddress.AbsolutePath.TrimEnd('/');
        var text = baselineAddress.GetLeftPart(UriPartial.Authority) + prefixPath + relativePathAndQuery;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var target))
        {
            return null;
        }

        var stays = string.Equals(target.GetLeftPart(UriPartial.Authority), baselineAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            && target.AbsolutePath.StartsWith(prefixPath + "/", StringComparison.Ordinal)
            && !HasDotSegment(target.AbsolutePath.AsSpan(prefixPath.Length));
        return stays ? target : null;
    }

    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase) || segment.Contains("%2e%2e", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
