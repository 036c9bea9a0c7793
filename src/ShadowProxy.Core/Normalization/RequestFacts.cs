using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// What comparison needs to know about the request. <see cref="PromptText"/> is held in memory only;
/// it must never be logged or persisted.
/// </summary>
internal sealed record RequestFacts
{
    public static RequestFacts Empty { get; } = new();

    public bool IsValidJson { get; init; }

    public string? Model { get; init; }

    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    public ResponseFormatKind ResponseFormat { get; init; }

    /// <summary>The JSON schema when <see cref="ResponseFormat"/> is <see cref="ResponseFormatKind.JsonSchema"/>.</summary>
    public JsonElement? JsonSchema { get; init; }

    public string? JsonSchemaText { get; init; }

    /// <summary>The user messages' text, concatenated with newlines.</summary>
    public string PromptText { get; init; } = string.Empty;

    public int? MaxTokens { get; init; }

    public int? N { get; init; }

    public double? Temperature { get; init; }

    /// <summary>
    /// The answer depends on state held by the provider (previous responses, conversations, uploaded files),
    /// so a baseline provider cannot replay the request faithfully.
    /// </summary>
    public bool DependsOnProviderState { get; init; }

    /// <summary>The request offered tools (or legacy functions), so calling one is a possible answer.</summary>
    public bool OffersTools { get; init; }

    public bool AsksForJson => ResponseFormat is ResponseFormatKind.JsonObject or ResponseFormatKind.JsonSchema;

    /// <summary>Reads an OpenAI chat, completions, Responses or embeddings request body; never throws.</summary>
    public static RequestFacts Parse(ReadOnlyMemory<byte> requestJson) => RequestFactsParser.Parse(requestJson);
}
