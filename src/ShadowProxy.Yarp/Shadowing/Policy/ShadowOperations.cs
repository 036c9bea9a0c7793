using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>The config names of the operations that can be shadowed; every other path never is.</summary>
internal static class ShadowOperations
{
    private static readonly Dictionary<string, OperationKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chat.completions"] = OperationKind.ChatCompletions,
        ["completions"] = OperationKind.Completions,
        ["responses"] = OperationKind.Responses,
        ["embeddings"] = OperationKind.Embeddings,
        ["messages"] = OperationKind.Messages,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out OperationKind kind) => ByName.TryGetValue(name, out kind);

    public static string NameOf(OperationKind kind) => ByName.First(p => p.Value == kind).Key;
}
