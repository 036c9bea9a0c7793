using Microsoft.Extensions.Primitives;

namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>
/// Holds the current shadowing policy and follows configuration reloads. A reload that fails validation is
/// logged with every bad key and the previous policy stays in force.
/// </summary>
internal sealed partial class ShadowPolicyStore : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILogger<ShadowPolicyStore> _logger;
    private readonly IDisposable _subscription;
    private volatile ShadowPolicySnapshot _current;

    public ShadowPolicyStore(IConfiguration configuration, ILogger<ShadowPolicyStore> logger)
    {
        _configuration = configuration;
        _logger = logger;
        _current = new ShadowPolicySnapshot(Load(out var errors), 1);
        if (errors.Count > 0)
        {
            throw new Hosting.GatewayConfigurationException(errors);
        }

        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public ShadowPolicySnapshot Current => _current;

    /// <summary>Raised after a new policy is accepted.</summary>
    public event Action<ShadowPolicySnapshot>? Changed;

    private void Reload()
    {
        var options = Load(out var errors);
        if (errors.Count > 0)
        {
            LogReloadRejected(_logger, string.Join("; ", errors));
            return;
        }

        var next = new ShadowPolicySnapshot(options, _current.Version + 1);
        _current = next;
        LogReloaded(_logger, next.Version, options.Routes.Count);
        Changed?.Invoke(next);
    }

    private ShadowingOptions Load(out IReadOnlyList<string> errors)
    {
        ShadowingOptions options;
        try
        {
            options = Bind(_configuration, out var routeIds);
            var problems = new List<string>();
            Hosting.Configuration.KnownSettings.Check(_configuration.GetSection(ShadowingOptions.Section), typeof(ShadowingOptions), problems);
            problems.AddRange(ShadowingOptionsValidator.Validate(options, routeIds));
            errors = problems;
        }
        catch (InvalidOperationException e)
        {
            // The binder reports a value of the wrong type (e.g. SampleRate: "lots") this way.
            options = new ShadowingOptions();
            errors = [$"Shadowing: {e.Message}"];
        }

        return options;
    }

    private static ShadowingOptions Bind(IConfiguration configuration, out IReadOnlyCollection<string> routeIds)
    {
        routeIds = ShadowingOptionsValidator.RouteIds(configuration);
        return configuration.GetSection(ShadowingOptions.Section).Get<ShadowingOptions>() ?? new ShadowingOptions();
    }

    public void Dispose() => _subscription.Dispose();

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Shadowing config reload rejected, previous policy kept: {Errors}")]
    private static partial void LogReloadRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Shadowing policy v{Version} in force for {RouteCount} route(s)")]
    private static partial void LogReloaded(ILogger logger, int version, int routeCount);
}
