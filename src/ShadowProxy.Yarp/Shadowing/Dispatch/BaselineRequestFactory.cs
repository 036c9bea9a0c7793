using System.Text.Json.Nodes;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Translation;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Builds the baseline's copy of a request, once per job: the primary's path under the baseline's address (or the
/// translated path), the body with the pinned model and the route's caps on `n` and output tokens, and the baseline's
/// own credentials. Client credentials are copied only when the route explicitly forwards them.
/// </summary>
internal static class BaselineRequestFactory
{
    private const string AnthropicVersionHeader = "anthropic-version";
    private const string DefaultAnthropicVersion = "2023-06-01";

    private static readonly string[] OutputTokenFields = ["max_tokens", "max_completion_tokens", "max_output_tokens"];

    /// <exception cref="BaselineTargetException">The path would leave the baseline's address (a forged or broken job).</exception>
    /// <exception cref="UntranslatableRequestException">The baseline speaks another provider's format that cannot carry this request.</exception>
    public static BaselineRequest Prepare(ShadowExchange exchange)
    {
        var baseline = exchange.Policy.Options.Baseline;
        var operation = BaselineWire.OperationFor(exchange.Operation, baseline.Provider);
        var original = JsonNode.Parse(exchange.RequestBody.Span) as JsonObject ?? throw new FormatException("The request body is not a JSON object.");
        var (body, translatedPath) = BaselineWire.Translate(original, exchange.Operation, operation);
        var path = translatedPath ?? AzureDeployment.Replace(exchange.BaselinePathAndQuery, baseline.Deployment);
        var target = BaselineTarget.Resolve(exchange.Policy.BaselineAddress, path) ?? throw new BaselineTargetException();
        // Later entries replace earlier ones: client credentials, then the route's headers, then the baseline's key.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in exchange.ForwardedCredentials.Concat(baseline.Headers))
        {
            headers[name] = value;
        }

        if (operation == OperationKind.Messages)
        {
            // Anthropic refuses a call without a version; this is the one its SDKs send.
            headers.TryAdd(AnthropicVersionHeader, DefaultAnthropicVersion);
        }

        if (!string.IsNullOrEmpty(baseline.ApiKey))
        {
            var isBearer = baseline.ApiKeyHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
            headers[baseline.ApiKeyHeader] = isBearer ? $"Bearer {baseline.ApiKey}" : baseline.ApiKey;
        }

        return new BaselineRequest(target, Rewrite(body, baseline, operation), operation, [.. headers]);
    }

    /// <summary>
    /// The request body with its top-level `model` replaced, `n` and output tokens capped, nothing stored on the
    /// baseline's account unless the route says so, and usage asked of a streamed copy so budgets and cost count it.
    /// Nothing else changes.
    /// </summary>
    public static byte[] Rewrite(JsonObject node, BaselineOptions baseline, OperationKind operation)
    {
        node["model"] = baseline.Model;
        Cap(node, "n", baseline.MaxChoices);
        foreach (var field in OutputTokenFields)
        {
            Cap(node, field, baseline.MaxOutputTokens);
        }

        // Responses stores by default; Chat Completions only when asked. A copy's answer is ShadowProxy's to keep.
        if (!baseline.Store && (operation == OperationKind.Responses || node.ContainsKey("store")))
        {
            node["store"] = false;
        }

        if (operation is OperationKind.ChatCompletions or OperationKind.Completions && node["stream"] is JsonValue stream
            && stream.TryGetValue<bool>(out var streamed) && streamed)
        {
            var options = node["stream_options"] as JsonObject ?? [];
            options["include_usage"] = true;
            node["stream_options"] = options;
        }

        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>Whether a request asked for more output than the baseline copy was allowed.</summary>
    public static bool ExceedsOutputCap(int? requestedMaxTokens, BaselineOptions baseline) => requestedMaxTokens > baseline.MaxOutputTokens;

    private static void Cap(JsonObject node, string field, int cap)
    {
        // Read through the JSON text: a value parsed from the body and one a translation set differ in their CLR type.
        if (node[field] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var requested)
            && requested > cap)
        {
            node[field] = cap;
        }
    }
}
