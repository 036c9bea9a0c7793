namespace ShadowProxy.Benchmarks;

/// <summary>Finds the shared LLMDrift recordings beside the repo (<c>&lt;repo&gt;/../shared/data/llmdrift</c>).</summary>
internal static class LlmDriftData
{
    public static string? Find(string name)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", "llmdrift", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string NotFoundMessage(string name) =>
        $"shared/data/llmdrift/{name} was not found in any folder above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.";
}
