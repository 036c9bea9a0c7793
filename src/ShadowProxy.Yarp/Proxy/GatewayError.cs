using System.Text.Json;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Yarp.Proxy;

/// <summary>
/// Errors the gateway itself answers, in the shape the calling SDK parses: Anthropic's
/// <c>{"type":"error","error":{"type","message"}}</c> for Anthropic clients (they always send `anthropic-version`)
/// and Messages paths, OpenAI's <c>{"error":{"message","type","param","code"}}</c> for everything else.
/// </summary>
internal static class GatewayError
{
    public const string Header = "x-shadowproxy-error";

    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers[Header] = type;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        if (IsAnthropic(context.Request))
        {
            WriteAnthropic(writer, status, message);
        }
        else
        {
            WriteOpenAi(writer, type, message);
        }

        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Anthropic's SDKs always send `anthropic-version`; without it, a Messages path or one of its sub-paths
    /// (count_tokens, batches) says so. OpenAI's `/threads/{id}/messages/…` is OpenAI's.
    /// </summary>
    public static bool IsAnthropic(HttpRequest request)
    {
        if (request.Headers.ContainsKey("anthropic-version"))
        {
            return true;
        }

        var path = request.Path.Value ?? string.Empty;
        return !path.Contains("/threads/", StringComparison.OrdinalIgnoreCase)
            && (OperationKinds.FromPath(path) == OperationKind.Messages || path.Contains("/v1/messages/", StringComparison.OrdinalIgnoreCase));
    }

    private static void WriteOpenAi(Utf8JsonWriter writer, string type, string message)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteNull("param");
        writer.WriteString("code", "shadowproxy_" + type);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAnthropic(Utf8JsonWriter writer, int status, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "error");
        writer.WriteStartObject("error");
        writer.WriteString("type", AnthropicErrorTypes.ForStatus(status));
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
