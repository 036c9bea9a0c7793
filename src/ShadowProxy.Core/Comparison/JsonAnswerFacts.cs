using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>JSON validity, schema validity and key paths of one answer, computed with a single parse.</summary>
internal sealed record JsonAnswerFacts(bool? Valid, bool? SchemaValid, HashSet<string>? KeyPaths)
{
    public static JsonAnswerFacts NotApplicable { get; } = new(null, null, null);

    public static JsonAnswerFacts Inspect(RequestFacts request, string text)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = JsonText.TryParseStrict(text);
        var keyPaths = document is null ? null : JsonKeyPaths.Collect(document.RootElement);
        bool? schemaValid = null;
        if (request.ResponseFormat == ResponseFormatKind.JsonSchema && request.JsonSchemaText is { } schema)
        {
            schemaValid = document is null ? false : JsonSchemaValidator.Validate(schema, text);
        }

        return new JsonAnswerFacts(document is not null, schemaValid, keyPaths);
    }
}
