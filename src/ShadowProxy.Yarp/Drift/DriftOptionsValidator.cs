using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Drift;

/// <summary>The `Drift` section, through the checks Core's <see cref="DriftOptions"/> makes of itself.</summary>
internal sealed class DriftOptionsValidator : OptionsValidator<DriftOptions>
{
    protected override void Check(DriftOptions options, List<string> errors)
    {
        try
        {
            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            errors.Add($"{DriftOptions.Section}: {e.Message}");
        }
    }
}
