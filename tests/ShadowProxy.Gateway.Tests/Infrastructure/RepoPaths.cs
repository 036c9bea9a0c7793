namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>Finds the repository and the shared data set beside it, from wherever the tests run.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string LlmDriftData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "llmdrift"));

    /// <summary>The shared data folder, or a skip (locally) / failure (under CI=true) saying where it was looked for.</summary>
    public static string RequireLlmDriftFile(string fileName)
    {
        var path = Path.Combine(LlmDriftData, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"LLMDrift data not found at {path} (expected ../shared/data/llmdrift beside the repository).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShadowProxy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ShadowProxy.sln above {AppContext.BaseDirectory}.");
    }
}
