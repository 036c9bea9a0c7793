using System.Text.Json.Nodes;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Yarp.Shadowing.Translation;

/// <summary>
/// The wire format a route's baseline speaks (`Baseline:Provider`): `same` as the primary, or `openai` / `anthropic`,
/// in which case Chat Completions and Anthropic Messages requests are translated into the other's common subset.
/// </summary>
internal static class BaselineWire
{
    public const string Same = "same";
    public const string OpenAi = "openai";
    public const string Anthropic = "anthropic";

    public static IReadOnlyList<string> Providers { get; } = [Same, OpenAi, Anthropic];

    /// <summary>The operation the baseline copy is sent as.</summary>
    /// <exception cref="UntranslatableRequestException">The operation has no counterpart in the baseline's format.</exception>
    public static OperationKind OperationFor(OperationKind request, string provider) => (request, provider.ToLowerInvariant()) switch
    {
        (_, Same) => request,
        (OperationKind.ChatCompletions or OperationKind.Messages, Anthropic) => OperationKind.Messages,
        (OperationKind.ChatCompletions or OperationKind.Messages, OpenAi) => OperationKind.ChatCompletions,
        (OperationKind.Completions or OperationKind.Responses or OperationKind.Embeddings, OpenAi) => request,
        _ => throw new UntranslatableRequestException($"{request} requests have no {provider} counterpart"),
    };

    /// <summary>The body in the baseline's format, and its path; the request's own when no translation is needed.</summary>
    public static (JsonObject Body, string? Path) Translate(JsonObject body, OperationKind request, OperationKind baseline) => (request, baseline) switch
    {
        (OperationKind.ChatCompletions, OperationKind.Messages) => (ChatToMessages.Translate(body), "/v1/messages"),
        (OperationKind.Messages, OperationKind.ChatCompletions) => (MessagesToChat.Translate(body), "/v1/chat/completions"),
        _ => (body, null),
    };
}
