namespace ShadowProxy.Gateway.Admin;

internal sealed record ApiError(string Error);
