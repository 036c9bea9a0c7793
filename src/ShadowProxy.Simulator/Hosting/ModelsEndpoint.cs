using System.Text.Json;

namespace ShadowProxy.Simulator.Hosting;

internal static class ModelsEndpoint
{
    public static async Task WriteAsync(HttpContext context, string model)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteString("id", model);
        writer.WriteString("object", "model");
        writer.WriteNumber("created", 1_686_588_896);
        writer.WriteString("owned_by", "shadowproxy-simulator");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
