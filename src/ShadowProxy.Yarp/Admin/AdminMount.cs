namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Where the admin endpoints are mapped (the prefix given to MapShadowProxyAdmin) and, in the executable, which
/// connections may reach them. Redirects, the login form, cookies and the security headers all derive from it.
/// </summary>
internal sealed class AdminMount
{
    private PathString _root;
    private bool _mapped;

    /// <summary>The prefix: empty when mapped at the application's root.</summary>
    public PathString Root => _root;

    /// <summary>The explorer, its API and sign-in live below this.</summary>
    public PathString Admin => _root.Add("/admin");

    public PathString Api => Admin.Add("/api");

    /// <summary>Set by a host that serves the admin endpoints on their own listener (the executable).</summary>
    public Func<HttpContext, bool>? ConnectionFilter { get; set; }

    public void MapAt(PathString prefix)
    {
        if (_mapped)
        {
            throw new InvalidOperationException($"MapShadowProxyAdmin was already called (at '{_root}'); the admin endpoints can be mapped once.");
        }

        _root = prefix.Value is null or "/" ? PathString.Empty : new PathString(prefix.Value.TrimEnd('/'));
        _mapped = true;
    }

    /// <summary>True for requests to the admin endpoints, decided from the path (and connection) before routing.</summary>
    public bool Contains(HttpContext context) =>
        _mapped && (ConnectionFilter?.Invoke(context) ?? true) && (!_root.HasValue || context.Request.Path.StartsWithSegments(_root));

    public bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Api);
}
