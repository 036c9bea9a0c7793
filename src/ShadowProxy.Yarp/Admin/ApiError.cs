namespace ShadowProxy.Yarp.Admin;

internal sealed record ApiError(string Error);
