using System.Text.Json;

namespace ShadowProxy.Gateway.Proxy;

/// <summary>Errors in the shape OpenAI clients parse: {"error":{"message","type","param","code"}}.</summary>
internal static class OpenAiError
{
    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-shadowproxy-error"] = type;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteNull("param");
        writer.WriteString("code", "shadowproxy_" + type);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
