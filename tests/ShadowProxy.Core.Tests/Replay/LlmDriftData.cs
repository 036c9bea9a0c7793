namespace ShadowProxy.Core.Tests.Replay;

/// <summary>Finds the shared LLMDrift recordings beside the repo (<c>&lt;repo&gt;/../shared/data/llmdrift</c>).</summary>
internal static class LlmDriftData
{
    public static string File(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "llmdrift", name);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        var message = $"llmdrift data not found at <repo>/../shared/data/llmdrift/{name} (searched up from {AppContext.BaseDirectory})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
