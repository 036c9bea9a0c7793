using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Hosting;

/// <summary>The `Admin` section.</summary>
internal sealed class AdminOptionsValidator : OptionsValidator<AdminOptions>
{
    protected override void Check(AdminOptions options, List<string> errors)
    {
        if (options.Token is { Length: > 0 } token && token.Length < AdminOptions.MinimumTokenLength)
        {
            errors.Add($"Admin:Token: {token.Length} characters is too short; use at least {AdminOptions.MinimumTokenLength} random characters (e.g. `openssl rand -hex 24`).");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            errors.Add($"Admin:SessionLifetime: '{options.SessionLifetime}' must be a positive time span such as 12:00:00.");
        }
    }
}
