using System.Text.Json;
using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Probes;

/// <summary>
/// An application that asked for JSON parses the whole response, so only bare JSON counts: JSON inside a code
/// fence or after a preamble is answered but wrong. Bare JSON must fit the schema and carry the expected values.
/// </summary>
internal static class JsonProbeGrader
{
    public static ProbeGrade Grade(ProbeTask task, string text)
    {
        using var bare = JsonText.TryParseStrict(text);
        if (bare is null)
        {
            using var embedded = FindEmbeddedObject(text);
            return embedded is null
                ? ProbeGrade.Unanswered(ProbeGradeReasons.NotJson)
                : ProbeGrade.Wrong(JsonCanonicalizer.Canonicalize(embedded.RootElement), ProbeGradeReasons.NotBareJson);
        }

        var extracted = JsonCanonicalizer.Canonicalize(bare.RootElement);
        if (task.JsonSchemaText is not { } schema || JsonSchemaValidator.Validate(schema, text) != true)
        {
            return ProbeGrade.Wrong(extracted, ProbeGradeReasons.SchemaViolation);
        }

        return HasExpectedValues(bare.RootElement, task.ExpectedAnswer)
            ? ProbeGrade.Right(extracted)
            : ProbeGrade.Wrong(extracted, ProbeGradeReasons.WrongValues);
    }

    private static bool HasExpectedValues(JsonElement answer, string expectedJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        foreach (var property in expected.RootElement.EnumerateObject())
        {
            if (!answer.TryGetProperty(property.Name, out var actual) || !JsonElement.DeepEquals(actual, property.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The outermost {...} span, which covers fenced blocks and "Here is the JSON:" preambles alike.</summary>
    private static JsonDocument? FindEmbeddedObject(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? JsonText.TryParseStrict(text[start..(end + 1)]) : null;
    }
}
