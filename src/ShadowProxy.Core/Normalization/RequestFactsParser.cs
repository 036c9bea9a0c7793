using System.Text.Json;
using System.Text.Unicode;

namespace ShadowProxy.Core.Normalization;

internal static class RequestFactsParser
{
    /// <summary>
    /// Duplicate keys are refused: providers and our own parser could read different values from one body (which
    /// `model` wins?), so such a body is forwarded untouched but never mirrored.
    /// </summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static RequestFacts Parse(ReadOnlyMemory<byte> requestJson)
    {
        if (!Utf8.IsValid(requestJson.Span))
        {
            return RequestFacts.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(requestJson, Strict);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? Read(root) : RequestFacts.Empty;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-16 once unescaped (a lone surrogate).
            return RequestFacts.Empty;
        }
    }

    private static RequestFacts Read(JsonElement root)
    {
        var (format, schema) = ResponseFormatReader.Read(root);
        var prompt = PromptTextReader.Read(root);
        return new RequestFacts
        {
            IsValidJson = true,
            Model = root.String("model"),
            Stream = root.Bool("stream") == true,
            IncludeUsage = root.Property("stream_options")?.Bool("include_usage") == true,
            ResponseFormat = format,
            JsonSchema = schema?.Clone(),
            JsonSchemaText = schema?.GetRawText(),
            PromptText = prompt.Text,
            MaxTokens = root.Int("max_completion_tokens") ?? root.Int("max_output_tokens") ?? root.Int("max_tokens"),
            N = root.Int("n"),
            Temperature = root.Double("temperature"),
            OffersTools = root.Items("tools").Any() || root.Items("functions").Any(),
            DependsOnProviderState = prompt.ReferencesProviderState || ReferencesProviderState(root),
        };
    }

    private static bool ReferencesProviderState(JsonElement root) =>
        root.Property("previous_response_id") is not null
        || root.Bool("background") == true
        || root.Property("conversation") is not null
        || root.Property("prompt") is { ValueKind: JsonValueKind.Object }
        || root.Items("tools").Any(static tool => tool.Property("vector_store_ids") is not null);
}
