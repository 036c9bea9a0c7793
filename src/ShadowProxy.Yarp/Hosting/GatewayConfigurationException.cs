namespace ShadowProxy.Yarp.Hosting;

/// <summary>The configuration cannot run; <see cref="Exception.Message"/> lists every problem by config key.</summary>
internal sealed class GatewayConfigurationException(IReadOnlyList<string> errors)
    : Exception("Invalid configuration:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
