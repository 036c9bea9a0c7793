using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>OpenAI-style error bodies: {"error":{"message","type","param","code"}}.</summary>
internal static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string type, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteNull("param");
        if (code is null)
        {
            writer.WriteNull("code");
        }
        else
        {
            writer.WriteString("code", code);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
