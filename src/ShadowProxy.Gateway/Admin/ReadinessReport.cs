namespace ShadowProxy.Gateway.Admin;

internal sealed record ReadinessReport(string Status);
