namespace ShadowProxy.Simulator.Tests;

/// <summary>The LLMDrift files beside the repository: a skip locally when absent, a failure under CI=true.</summary>
internal static class SharedData
{
    public static string Require(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "llmdrift", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var message = $"LLMDrift data file {fileName} not found in any shared/data/llmdrift above {AppContext.BaseDirectory}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
