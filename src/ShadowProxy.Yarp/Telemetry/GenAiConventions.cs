using System.Diagnostics;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// The OpenTelemetry GenAI semantic conventions ShadowProxy emits, in one place: attribute names, provider names,
/// span names. By default the names the spec has since replaced (<c>gen_ai.system</c>,
/// <c>gen_ai.openai.response.system_fingerprint</c>) are emitted beside their successors, so older backends keep
/// working; <c>OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental</c> emits only the latest names.
/// </summary>
internal sealed class GenAiConventions(IConfiguration configuration)
{
    public const string OptInVariable = "OTEL_SEMCONV_STABILITY_OPT_IN";
    public const string LatestExperimentalValue = "gen_ai_latest_experimental";

    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderNameAttribute = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string ResponseId = "gen_ai.response.id";
    public const string FinishReasons = "gen_ai.response.finish_reasons";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string TokenType = "gen_ai.token.type";
    public const string ErrorType = "error.type";

    /// <summary>Which call a duration or token count belongs to: the app's (primary) or ShadowProxy's copy (baseline).</summary>
    public const string Side = "shadowproxy.side";

    private const string LegacySystem = "gen_ai.system";
    private const string LegacyFingerprint = "gen_ai.openai.response.system_fingerprint";
    private const string LatestFingerprint = "openai.response.system_fingerprint";

    public bool LatestExperimental { get; } = (configuration[OptInVariable] ?? string.Empty)
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Contains(LatestExperimentalValue, StringComparer.OrdinalIgnoreCase);

    /// <summary>`gen_ai.operation.name` for a proxied operation; null for paths that are not model calls.</summary>
    public static string? OperationNameOf(OperationKind kind) => kind switch
    {
        OperationKind.ChatCompletions or OperationKind.Responses or OperationKind.Messages => "chat",
        OperationKind.Completions => "text_completion",
        OperationKind.Embeddings => "embeddings",
        _ => null,
    };

    /// <summary>`{gen_ai.operation.name} {gen_ai.request.model}`, as the spec names inference spans.</summary>
    public static string SpanName(string operation, string? model) => string.IsNullOrEmpty(model) ? operation : $"{operation} {model}";

    /// <summary>
    /// The well-known provider name: from the upstream's host where it says (api.anthropic.com, *.openai.azure.com),
    /// otherwise from the wire format (Messages is Anthropic's; a /deployments/ path is Azure's); else openai.
    /// </summary>
    public static string ProviderName(Uri? upstream, OperationKind operation, string? path)
    {
        var host = upstream?.Host ?? string.Empty;
        if (host.EndsWith("anthropic.com", StringComparison.OrdinalIgnoreCase) || operation == OperationKind.Messages)
        {
            return "anthropic";
        }

        if (host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            || path?.Contains("/deployments/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "azure.ai.openai";
        }

        return "openai";
    }

    public void TagProvider(Activity activity, string provider)
    {
        activity.SetTag(ProviderNameAttribute, provider);
        if (!LatestExperimental)
        {
            activity.SetTag(LegacySystem, provider);
        }
    }

    /// <summary>The response attributes of an inference span; never content.</summary>
    public void TagResponse(Activity span, NormalizedResponse response)
    {
        span.SetTag(ResponseModel, response.Model);
        span.SetTag(ResponseId, response.Id);
        span.SetTag(InputTokens, response.Usage?.PromptTokens);
        span.SetTag(OutputTokens, response.Usage?.CompletionTokens);
        if (response.Choices.Select(static c => c.FinishReason).OfType<string>().ToArray() is { Length: > 0 } reasons)
        {
            span.SetTag(FinishReasons, reasons);
        }

        if (response.SystemFingerprint is { } fingerprint)
        {
            span.SetTag(LatestExperimental ? LatestFingerprint : LegacyFingerprint, fingerprint);
        }
    }

    /// <summary>
    /// Attributes of `gen_ai.client.operation.duration`; <paramref name="errorType"/> is null for a call that
    /// succeeded. The key is always there, in one order: a Prometheus series has a fixed label set (empty = absent).
    /// </summary>
    public static TagList DurationTags(string operation, string provider, string side, string? requestModel, string responseModel, string? errorType) => new()
    {
        { OperationName, operation }, { ProviderNameAttribute, provider }, { Side, side }, { RequestModel, requestModel }, { ResponseModel, responseModel },
        { ErrorType, errorType },
    };

    /// <summary>Attributes of `gen_ai.client.token.usage`.</summary>
    public static TagList TokenTags(string operation, string provider, string side, string responseModel, string tokenType) => new()
    {
        { OperationName, operation }, { ProviderNameAttribute, provider }, { Side, side }, { ResponseModel, responseModel }, { TokenType, tokenType },
    };
}
