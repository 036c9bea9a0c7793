using System.Globalization;
using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>The `shadowproxy serve` process, configured the way an operator would through environment variables.</summary>
internal static class ShadowProxyServe
{
    public static async Task<RunningSystem> StartAsync(
        SystemContext context, double? sampleRate, Uri? baseline, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var port = FreePort.Next();
        var admin = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Listeners__Proxy"] = SystemCatalog.Url(port),
            ["Listeners__Admin"] = SystemCatalog.Url(admin),
            ["ReverseProxy__Clusters__openai__Destinations__primary__Address"] = context.Upstream.ToString(),
        };
        AddShadowing(environment, sampleRate, baseline);

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = await PinnedProcess.StartAsync(
            "shadowproxy", context.SystemCore, "dotnet", [context.Layout.Gateway, "serve"], port, context.WorkDirectory, environment, cancellationToken);
        return new RunningSystem(new Uri($"{SystemCatalog.Url(port)}/v1/"), process, new Dictionary<string, string>(), new Uri(SystemCatalog.Url(admin)));
    }

    /// <summary>Route `openai` shadowed at <paramref name="sampleRate"/> to <paramref name="baseline"/>; nothing when either is null.</summary>
    public static void AddShadowing(Dictionary<string, string> environment, double? sampleRate, Uri? baseline)
    {
        if (sampleRate is not { } rate || baseline is null)
        {
            return;
        }

        const string Route = "Shadowing__Routes__openai__";
        environment[Route + "SampleRate"] = rate.ToString(CultureInfo.InvariantCulture);
        environment[Route + "Baseline__Address"] = baseline.ToString();
        environment[Route + "Baseline__Model"] = "gpt-sim-instant";
        environment[Route + "Baseline__Timeout"] = "00:00:05";
        // The benchmark measures the cost of shadowing every sampled request, not the spending caps.
        environment[Route + "Budget__RequestsPerMinute"] = "0";
        environment[Route + "Budget__TokensPerDay"] = "0";
    }
}
