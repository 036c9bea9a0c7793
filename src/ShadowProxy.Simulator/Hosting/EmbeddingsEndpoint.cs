using System.Buffers;
using System.Text.Json;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>POST /v1/embeddings: deterministic unit vectors derived from each input's text.</summary>
internal sealed class EmbeddingsEndpoint(SimulatorState state)
{
    private const int Dimensions = 64;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context);
        var inputs = ReadInputs(body, out var model, out var base64);
        state.Journal.Add(RequestBody.ToJournal(context, body, model, state.TimeProvider));
        if (inputs is null)
        {
            await ErrorResponses.WriteAsync(context, 400, "invalid_request_error", "'input' must be a string or an array of strings.");
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            for (var i = 0; i < inputs.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("object", "embedding");
                writer.WriteNumber("index", i);
                var vector = Vector(inputs[i]);
                if (base64)
                {
                    // encoding_format "base64": the float32 values' little-endian bytes, as the openai SDKs ask by default.
                    writer.WriteString("embedding", Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())));
                }
                else
                {
                    writer.WriteStartArray("embedding");
                    foreach (var value in vector)
                    {
                        writer.WriteNumberValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("model", model ?? "text-embedding-sim");
            writer.WriteStartObject("usage");
            var tokens = inputs.Sum(AnswerTokens.EstimatePromptTokens);
            writer.WriteNumber("prompt_tokens", tokens);
            writer.WriteNumber("total_tokens", tokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static List<string>? ReadInputs(byte[] body, out string? model, out bool base64)
    {
        model = null;
        base64 = false;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            base64 = root.TryGetProperty("encoding_format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "base64";
            if (!root.TryGetProperty("input", out var input))
            {
                return null;
            }

            return input.ValueKind switch
            {
                JsonValueKind.String => [input.GetString()!],
                JsonValueKind.Array when input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    [.. input.EnumerateArray().Select(e => e.GetString()!)],
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static float[] Vector(string text)
    {
        var random = SeededRandom.For(0, SeededRandom.Hash(text), 0);
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }
}
