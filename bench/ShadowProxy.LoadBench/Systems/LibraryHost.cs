using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>
/// samples/ExistingYarpGateway: ShadowProxy.Yarp inside a YARP app that authenticates its clients and swaps their
/// key for its own, configured like the executable (same shadowing settings), so the two can be compared.
/// </summary>
internal static class LibraryHost
{
    /// <summary>The key the load sends, registered as an application key of the sample.</summary>
    private const string LoadKey = "sk-bench-not-a-secret";

    public static async Task<RunningSystem> StartAsync(SystemContext context, double? sampleRate, Uri? baseline, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = SystemCatalog.Url(port),
            ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(context.Layout.Sample)!,
            [$"AppKeys__{LoadKey}"] = "app",
            ["ReverseProxy__Clusters__openai__Destinations__primary__Address"] = context.Upstream.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // "Off" keeps the sample's route policy at rate 0: its appsettings.json shadows, and configuration can
            // set a key but not remove one. Every request still pays the sampling decision.
            ["Shadowing__Routes__openai__SampleRate"] = "0",
        };
        ShadowProxyServe.AddShadowing(environment, sampleRate, baseline);

        var process = await PinnedProcess.StartAsync(
            "sample", context.SystemCore, "dotnet", [context.Layout.Sample], port, context.WorkDirectory, environment, cancellationToken);
        return new RunningSystem(new Uri($"{SystemCatalog.Url(port)}/v1/"), process, new Dictionary<string, string>());
    }
}
