using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>
/// Every problem in the `Shadowing` section, each naming its config key: at start through the options pattern, and
/// on every reload through <see cref="ShadowPolicyStore"/>, which keeps the last good policy when this finds any.
/// </summary>
internal sealed class ShadowingOptionsValidator(IConfiguration configuration) : IValidateOptions<ShadowingOptions>
{
    public ValidateOptionsResult Validate(string? name, ShadowingOptions options)
    {
        var errors = Validate(options, RouteIds(configuration));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The routes YARP knows; a shadow policy for any other route is a mistake.</summary>
    public static IReadOnlyCollection<string> RouteIds(IConfiguration configuration) =>
        [.. configuration.GetSection("ReverseProxy:Routes").GetChildren().Select(c => c.Key)];

    public static IReadOnlyList<string> Validate(ShadowingOptions options, IReadOnlyCollection<string> knownRouteIds)
    {
        var errors = new List<string>();
        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add($"Shadowing:QueueCapacity: {options.QueueCapacity} must be between 1 and 1000000.");
        }

        if (options.Workers is < 1 or > 1024)
        {
            errors.Add($"Shadowing:Workers: {options.Workers} must be between 1 and 1024.");
        }

        if (options.MaxBufferedBytes < 1024 * 1024)
        {
            errors.Add($"Shadowing:MaxBufferedBytes: {options.MaxBufferedBytes} must be at least 1048576 (1 MiB).");
        }

        if (options.MaxCpuUtilization is <= 0 or > 1 || double.IsNaN(options.MaxCpuUtilization))
        {
            errors.Add($"Shadowing:MaxCpuUtilization: {options.MaxCpuUtilization} must be in (0, 1]; 1 turns shedding on CPU off.");
        }

        if (options.SamplingSecret is { Length: > 0 and < 16 })
        {
            errors.Add("Shadowing:SamplingSecret: must be at least 16 characters.");
        }

        foreach (var (routeId, route) in options.Routes)
        {
            ValidateRoute($"Shadowing:Routes:{routeId}", route, errors);
            if (knownRouteIds.Count > 0 && !knownRouteIds.Contains(routeId))
            {
                errors.Add($"Shadowing:Routes:{routeId}: no route '{routeId}' under ReverseProxy:Routes.");
            }
        }

        return errors;
    }

    private static void ValidateRoute(string key, RouteShadowOptions route, List<string> errors)
    {
        if (route.SampleRate is < 0 or > 1 || double.IsNaN(route.SampleRate))
        {
            errors.Add($"{key}:SampleRate: {route.SampleRate} must be between 0 and 1.");
        }

        if (route.NoiseReplicateRate is < 0 or > 1 || double.IsNaN(route.NoiseReplicateRate))
        {
            errors.Add($"{key}:NoiseReplicateRate: {route.NoiseReplicateRate} must be between 0 and 1.");
        }

        if (route.MinNoiseReplicatesPerHour < 0)
        {
            errors.Add($"{key}:MinNoiseReplicatesPerHour: {route.MinNoiseReplicatesPerHour} must be 0 or more.");
        }

        if (SamplingKeys.TryParseHeader(route.SamplingKey, out _) is false && route.SamplingKey != SamplingKeys.Random)
        {
            errors.Add($"{key}:SamplingKey: '{route.SamplingKey}' must be 'random' or 'header:NAME'.");
        }

        foreach (var operation in route.Operations.Where(o => !ShadowOperations.TryParse(o, out _)))
        {
            errors.Add($"{key}:Operations: unknown operation '{operation}'; use {string.Join(", ", ShadowOperations.Names)}.");
        }

        if (route.MaxRequestBodyBytes < 1 || route.MaxResponseCaptureBytes < 1)
        {
            errors.Add($"{key}:MaxRequestBodyBytes/MaxResponseCaptureBytes: must be positive.");
        }

        if (route.Enabled)
        {
            ValidateBaseline($"{key}:Baseline", route.Baseline, errors);
        }

        if (route.Budget.RequestsPerMinute < 0 || route.Budget.TokensPerDay < 0)
        {
            errors.Add($"{key}:Budget: limits must be 0 (no cap) or positive.");
        }
    }

    private static void ValidateBaseline(string key, BaselineOptions baseline, List<string> errors)
    {
        if (!Uri.TryCreate(baseline.Address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{key}:Address: '{baseline.Address}' must be an absolute http(s) URL of the baseline provider.");
        }

        if (string.IsNullOrWhiteSpace(baseline.Model))
        {
            errors.Add($"{key}:Model: the pinned baseline model is missing.");
        }

        if (baseline.Deployment is { } deployment && (deployment.Length == 0 || !deployment.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || deployment.Trim('.').Length == 0))
        {
            errors.Add($"{key}:Deployment: '{deployment}' is not an Azure deployment name (letters, digits, '-', '_', '.').");
        }

        if (!Translation.BaselineWire.Providers.Contains(baseline.Provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{key}:Provider: '{baseline.Provider}' must be one of {string.Join(", ", Translation.BaselineWire.Providers)}.");
        }

        if (baseline.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{key}:Timeout: must be positive.");
        }

        if (baseline.MaxConcurrency < 1)
        {
            errors.Add($"{key}:MaxConcurrency: must be at least 1.");
        }

        if (baseline.MaxChoices < 1)
        {
            errors.Add($"{key}:MaxChoices: {baseline.MaxChoices} must be at least 1.");
        }

        if (baseline.MaxOutputTokens < 1)
        {
            errors.Add($"{key}:MaxOutputTokens: {baseline.MaxOutputTokens} must be at least 1.");
        }

        if (baseline.BreakFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{key}:BreakFailureRatio: must be in (0, 1].");
        }
    }
}
