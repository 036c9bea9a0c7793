using System.Text.Json;

namespace ShadowProxy.Core.Comparison;

/// <summary>The set of key paths in a JSON value (<c>$.a.b</c>, array items as <c>[]</c>), compared by Jaccard.</summary>
internal static class JsonKeyPaths
{
    public static HashSet<string> Collect(JsonElement root)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(root, "$", paths);
        return paths;
    }

    public static double Jaccard(HashSet<string> left, HashSet<string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count == 0 && right.Count == 0)
        {
            return 1.0;
        }

        var intersection = left.Count(right.Contains);
        return (double)intersection / (left.Count + right.Count - intersection);
    }

    private static void Collect(JsonElement element, string prefix, HashSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = $"{prefix}.{property.Name}";
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
            default:
                break;
        }
    }
}
