namespace ShadowProxy.Core.Exchanges;

/// <summary>The provider operation an exchange belongs to; decides how its body is normalized.</summary>
internal enum OperationKind
{
    ChatCompletions,
    Completions,
    Responses,
    Embeddings,
    Other,

    /// <summary>Anthropic Messages (<c>/v1/messages</c>); appended so stored exchanges keep their numbers.</summary>
    Messages,
}
