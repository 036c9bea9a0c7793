namespace ShadowProxy.LoadBench.Harness;

/// <summary>A `shadowproxy-simulator` process on the load core: the upstream or a baseline.</summary>
internal sealed class Simulator(PinnedProcess process, Uri url) : IAsyncDisposable
{
    public const int Core = 0;

    public Uri Url { get; } = url;

    public static async Task<Simulator> StartAsync(BenchLayout layout, string name, string workDirectory, string[] arguments, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}/";
        var process = await PinnedProcess.StartAsync(
            name, Core, "dotnet", [layout.Simulator, "--urls", url, .. arguments], port, workDirectory, cancellationToken: cancellationToken);
        return new Simulator(process, new Uri(url));
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
