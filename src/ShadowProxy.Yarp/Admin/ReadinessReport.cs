namespace ShadowProxy.Yarp.Admin;

/// <summary>`/readyz`: Redis state (`connected`/`disconnected`, null when not configured) is reported, never gated on.</summary>
internal sealed record ReadinessReport(string Status, string? Redis = null);
