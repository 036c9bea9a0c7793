namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>The npm client packages the README's test command installs under tests/…/Clients/node.</summary>
internal static class NodeClients
{
    /// <summary>The folder holding the client scripts, after checking that <paramref name="package"/> is installed there.</summary>
    public static string Directory(string package)
    {
        var clientDir = Path.Combine(RepoPaths.Root, "tests", "ShadowProxy.Gateway.Tests", "Clients", "node");
        Assert.True(System.IO.Directory.Exists(Path.Combine(clientDir, "node_modules", package)),
            $"The {package} npm package is not installed in {clientDir}; run the README's test command (eng/test.sh), which installs it.");
        return clientDir;
    }
}
