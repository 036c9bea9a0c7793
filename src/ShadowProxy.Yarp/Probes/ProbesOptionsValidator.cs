using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Probes;

/// <summary>The `Probes` section; an unknown suite is refused rather than quietly run as another.</summary>
internal sealed class ProbesOptionsValidator(IConfiguration configuration) : OptionsValidator<ProbesOptions>
{
    protected override void Check(ProbesOptions options, List<string> errors)
    {
        var routeIds = configuration.GetSection("ReverseProxy:Routes").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (routeId, route) in options.Routes)
        {
            var key = $"{ProbesOptions.Section}:Routes:{routeId}";
            if (routeIds.Count > 0 && !routeIds.Contains(routeId))
            {
                errors.Add($"{key}: no route '{routeId}' under ReverseProxy:Routes.");
            }

            if (route.Interval <= TimeSpan.Zero)
            {
                errors.Add($"{key}:Interval: '{route.Interval}' must be a positive time span such as 00:05:00.");
            }

            if (route.PerRun < 1)
            {
                errors.Add($"{key}:PerRun: {route.PerRun} must be at least 1.");
            }

            foreach (var (suite, index) in route.Suites.Select((s, i) => (s, i)).Where(s => !ProbeSuites.TryParse(s.s, out _)))
            {
                errors.Add($"{key}:Suites:{index}: unknown suite '{suite}'; use {string.Join(", ", ProbeSuites.All.Select(ProbeSuites.NameOf))}.");
            }
        }
    }
}
