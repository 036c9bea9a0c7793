using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>The `Telemetry` section.</summary>
internal sealed class TelemetryOptionsValidator : OptionsValidator<TelemetryOptions>
{
    protected override void Check(TelemetryOptions options, List<string> errors)
    {
        if (options.MaxModelLabels < 1)
        {
            errors.Add($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.MaxModelLabels)}: must be at least 1.");
        }
    }
}
