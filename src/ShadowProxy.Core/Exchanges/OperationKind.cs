namespace ShadowProxy.Core.Exchanges;

/// <summary>The OpenAI-compatible operation an exchange belongs to; decides how its body is normalized.</summary>
internal enum OperationKind
{
    ChatCompletions,
    Completions,
    Responses,
    Embeddings,
    Other,
}
