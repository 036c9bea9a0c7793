using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Hosting;

/// <summary>The `Upstream` section.</summary>
internal sealed class UpstreamOptionsValidator : OptionsValidator<UpstreamOptions>
{
    protected override void Check(UpstreamOptions options, List<string> errors)
    {
        if (options.ActivityTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Upstream:ActivityTimeout: '{options.ActivityTimeout}' must be a positive time span such as 00:10:00.");
        }
    }
}
