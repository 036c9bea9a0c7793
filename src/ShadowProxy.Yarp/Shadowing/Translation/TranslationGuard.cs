using System.Text.Json.Nodes;

namespace ShadowProxy.Yarp.Shadowing.Translation;

/// <summary>What both translations share: refusing what they cannot carry over, and copying plain fields.</summary>
internal static class TranslationGuard
{
    /// <summary>
    /// Refuses a request with a field known to change the answer that the other format lacks, or with a field neither
    /// list knows: a copy that silently dropped it would not be the same question.
    /// </summary>
    public static void RefuseUnknown(JsonObject body, IReadOnlyCollection<string> refused, IReadOnlyCollection<string> ignored)
    {
        foreach (var (name, _) in body)
        {
            if (refused.Contains(name) || !ignored.Contains(name))
            {
                throw new UntranslatableRequestException($"the '{name}' field");
            }
        }
    }

    public static JsonArray Array(JsonObject body, string name) =>
        body[name] as JsonArray ?? throw new UntranslatableRequestException($"a request without '{name}'");

    public static void Copy(JsonNode from, string name, JsonObject to, string target)
    {
        if (from[name] is { } value)
        {
            to[target] = value.DeepClone();
        }
    }
}
