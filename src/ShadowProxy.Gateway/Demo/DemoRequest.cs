namespace ShadowProxy.Gateway.Demo;

internal sealed record DemoRequest(string Prompt, bool Stream, string? JsonSchema = null);
