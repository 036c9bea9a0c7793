namespace ShadowProxy.DriftBench.Traffic;

/// <summary>What one simulated route's users ask: apps usually send one kind of request per route.</summary>
internal enum RouteKind
{
    /// <summary>Checkable questions (primality with [Yes]/[No], happy-number counts in \boxed{}).</summary>
    Math,

    /// <summary>Chit-chat and sensitive questions in equal parts: free text, sometimes refused.</summary>
    Chat,

    Code,

    /// <summary>Structured output against a json_schema.</summary>
    Json,

    /// <summary>Function calling: the request offers tools and the model calls one.</summary>
    Tools,

    /// <summary>All of the above but tools, math-heavy.</summary>
    Mixed,

    /// <summary>The same kinds as <see cref="Mixed"/>, but mostly chit-chat and code: a traffic-mix change.</summary>
    MixedChatty,
}
