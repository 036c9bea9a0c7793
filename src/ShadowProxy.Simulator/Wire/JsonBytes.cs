using System.Buffers;
using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>One JSON value written to bytes.</summary>
internal static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Object(Action<Utf8JsonWriter> properties) => Write(writer =>
    {
        writer.WriteStartObject();
        properties(writer);
        writer.WriteEndObject();
    });
}
