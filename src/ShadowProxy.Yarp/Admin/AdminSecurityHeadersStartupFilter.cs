namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Puts the security headers first in the host's pipeline, before routing and authorization, so the refusals of
/// any auth layer in front of the admin endpoints carry them too. Other requests pay one path comparison.
/// </summary>
internal sealed class AdminSecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AdminSecurityHeadersMiddleware>();
        next(app);
    };
}
