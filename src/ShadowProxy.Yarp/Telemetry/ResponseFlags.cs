using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>The per-response flags exported as `shadowproxy_response_flags_total{flag}`.</summary>
internal static class ResponseFlags
{
    public static readonly string[] All = ["json_valid", "schema_valid", "answer_extracted", "refusal", "code_fenced", "truncated", "unparseable"];

    public static IEnumerable<string> Of(SideFacts facts)
    {
        if (facts.JsonValid == true)
        {
            yield return "json_valid";
        }

        if (facts.SchemaValid == true)
        {
            yield return "schema_valid";
        }

        if (facts.AnswerExtracted)
        {
            yield return "answer_extracted";
        }

        if (facts.Refusal)
        {
            yield return "refusal";
        }

        if (facts.CodeFenced)
        {
            yield return "code_fenced";
        }

        if (facts.Truncated)
        {
            yield return "truncated";
        }

        if (facts.Unparseable)
        {
            yield return "unparseable";
        }
    }
}
