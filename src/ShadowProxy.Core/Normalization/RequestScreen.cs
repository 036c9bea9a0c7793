using System.Text.Json;
using System.Text.Unicode;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// The request path's only look at a sampled body: one forward pass of a <see cref="Utf8JsonReader"/> over the
/// bytes, no document built, nothing allocated but the model name. It decides what must be decided before the
/// primary answers — can a copy be re-targeted at all (valid UTF-8, one JSON object, a single `model` key), does the
/// body name provider state at its top level — and leaves everything else, deep checks included, to the worker's
/// one full parse (<see cref="RequestFacts"/>), which counts what this lets through.
/// </summary>
internal readonly record struct RequestScreen(bool IsJsonObject, bool DependsOnProviderState, string? Model)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    public static RequestScreen Read(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return default;
        }

        try
        {
            return ReadObject(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a model name that is not valid UTF-16 once unescaped (a lone surrogate).
            return default;
        }
    }

    private static RequestScreen ReadObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        string? model = null;
        var seenModel = false;
        var stateful = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped)
            {
                // A key written with escapes may spell `model` another way; only the full parse can tell.
                reader.Skip();
                continue;
            }

            if (name.SequenceEqual("model"u8))
            {
                if (seenModel)
                {
                    return default; // two models: which one would the provider use?
                }

                seenModel = true;
                model = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                stateful |= ReferencesProviderState(name, ref reader);
            }

            reader.Skip();
        }

        // Reaching the object's end and nothing after it: Utf8JsonReader has checked the syntax on the way.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
            ? new RequestScreen(true, stateful, model)
            : default;
    }

    /// <summary>The top-level markers of provider-held state; file and item references inside messages are the worker's.</summary>
    private static bool ReferencesProviderState(ReadOnlySpan<byte> name, ref Utf8JsonReader reader) =>
        name.SequenceEqual("previous_response_id"u8)
        || name.SequenceEqual("conversation"u8)
        || (name.SequenceEqual("background"u8) && reader.TokenType == JsonTokenType.True)
        || (name.SequenceEqual("prompt"u8) && reader.TokenType == JsonTokenType.StartObject);
}
