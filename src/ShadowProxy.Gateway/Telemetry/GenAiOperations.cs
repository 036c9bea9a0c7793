using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>`gen_ai.operation.name` values (OpenTelemetry GenAI semantic conventions) for the proxied operations.</summary>
internal static class GenAiOperations
{
    public static string? FromPath(string? path) => Of(OperationKinds.FromPath(path));

    public static string? Of(OperationKind kind) => kind switch
    {
        OperationKind.ChatCompletions or OperationKind.Responses or OperationKind.Messages => "chat",
        OperationKind.Completions => "text_completion",
        OperationKind.Embeddings => "embeddings",
        _ => null,
    };
}
