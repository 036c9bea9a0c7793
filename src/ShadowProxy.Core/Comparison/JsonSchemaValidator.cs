using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ShadowProxy.Core.Comparison;

/// <summary>Validates answers against a request's json_schema; parsed schemas are cached by their text.</summary>
internal static class JsonSchemaValidator
{
    private const int MaxCachedSchemas = 256;
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new(StringComparer.Ordinal);

    /// <summary>Null when the schema itself cannot be read; false when the answer is not JSON or breaks the schema.</summary>
    public static bool? Validate(string schemaText, string answer)
    {
        if (Load(schemaText) is not { } schema)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(answer.AsSpan().Trim().ToString());
        }
        catch (JsonException)
        {
            return false;
        }

        return schema.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static JsonSchema? Load(string schemaText)
    {
        if (Schemas.TryGetValue(schemaText, out var cached))
        {
            return cached;
        }

        if (Schemas.Count >= MaxCachedSchemas)
        {
            Schemas.Clear();
        }

        JsonSchema? schema;
        try
        {
            schema = JsonSchema.FromText(schemaText);
        }
        catch (JsonException)
        {
            schema = null;
        }

        return Schemas.GetOrAdd(schemaText, schema);
    }
}
