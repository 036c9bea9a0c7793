namespace ShadowProxy.LoadBench.Harness;

/// <summary>Where bench/run.sh put the built systems and the peer gateways.</summary>
internal sealed record BenchLayout(string RepoRoot, string Gateway, string Simulator, string BareYarp, string Sample, string PortkeyServer)
{
    public static BenchLayout Discover()
    {
        var root = Environment.GetEnvironmentVariable("SHADOWPROXY_REPO") ?? FindRepoRoot(AppContext.BaseDirectory);
        var built = Path.Combine(root, "artifacts", "bench");
        var layout = new BenchLayout(
            root,
            Path.Combine(built, "gateway", "shadowproxy.dll"),
            Path.Combine(built, "simulator", "shadowproxy-simulator.dll"),
            Path.Combine(built, "bare-yarp", "bare-yarp.dll"),
            Path.Combine(built, "sample", "ExistingYarpGateway.dll"),
            Path.Combine(root, "bench", "peers", "node_modules", "@portkey-ai", "gateway", "build", "start-server.js"));
        foreach (var file in new[] { layout.Gateway, layout.Simulator, layout.BareYarp, layout.Sample })
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"{file} is missing; run bench/run.sh, which builds it.");
            }
        }

        return layout;
    }

    private static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShadowProxy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ArgumentException("cannot find the repository (ShadowProxy.sln); set SHADOWPROXY_REPO.");
    }
}
