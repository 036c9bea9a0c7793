namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>Azure OpenAI names the model in the path (<c>/openai/deployments/{name}/…</c>), not in the body.</summary>
internal static class AzureDeployment
{
    private const string Segment = "/deployments/";

    /// <returns>The path with its deployment segment replaced, or unchanged when it has none or none is configured.</returns>
    public static string Replace(string pathAndQuery, string? deployment)
    {
        if (string.IsNullOrEmpty(deployment))
        {
            return pathAndQuery;
        }

        var start = pathAndQuery.IndexOf(Segment, StringComparison.OrdinalIgnoreCase);
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (start < 0 || (query >= 0 && start > query))
        {
            return pathAndQuery;
        }

        var nameStart = start + Segment.Length;
        var nameEnd = pathAndQuery.IndexOfAny(['/', '?'], nameStart);
        if (nameEnd < 0)
        {
            nameEnd = pathAndQuery.Length;
        }

        return string.Concat(pathAndQuery.AsSpan(0, nameStart), Uri.EscapeDataString(deployment), pathAndQuery.AsSpan(nameEnd));
    }
}
