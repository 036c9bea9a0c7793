using System.Buffers.Binary;
using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads <c>data[].embedding</c> as float arrays or base64 little-endian floats.</summary>
internal static class EmbeddingsReader
{
    public static NormalizedResponse Read(JsonElement root, bool captureTruncated)
    {
        if (root.Property("data") is not { ValueKind: JsonValueKind.Array } data)
        {
            return NormalizedResponse.Unparseable("no data array", captureTruncated);
        }

        var vectors = new List<float[]>();
        foreach (var item in data.EnumerateArray())
        {
            if (item.Property("embedding") is { } embedding)
            {
                vectors.Add(ReadVector(embedding));
            }
        }

        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Embeddings = vectors,
            Usage = UsageReader.Read(root),
            Model = root.String("model"),
            CaptureTruncated = captureTruncated,
        };
    }

    private static float[] ReadVector(JsonElement embedding)
    {
        if (embedding.ValueKind == JsonValueKind.String)
        {
            var bytes = embedding.GetBytesFromBase64();
            var floats = new float[bytes.Length / sizeof(float)];
            for (var i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }

            return floats;
        }

        var vector = new float[embedding.GetArrayLength()];
        var index = 0;
        foreach (var value in embedding.EnumerateArray())
        {
            vector[index++] = value.GetSingle();
        }

        return vector;
    }
}
