using System.IO.Compression;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>
/// The tee captures what the client received, which may be gzip/br/deflate-encoded; comparison needs the text.
/// Decoding is bounded so a compression bomb cannot blow up a worker.
/// </summary>
internal static class ContentDecoding
{
    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> body, string? contentEncoding, int maxDecodedBytes)
    {
        if (string.IsNullOrEmpty(contentEncoding) || contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        using var source = new MemoryStream(body.ToArray(), writable: false);
        using Stream decoder = contentEncoding.Trim().ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(source, CompressionMode.Decompress),
            "br" => new BrotliStream(source, CompressionMode.Decompress),
            "deflate" => new ZLibStream(source, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"Unsupported content encoding '{contentEncoding}'."),
        };
        using var decoded = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = decoder.Read(buffer)) > 0)
        {
            if (decoded.Length + read > maxDecodedBytes)
            {
                throw new InvalidDataException("The decoded body exceeds the capture limit.");
            }

            decoded.Write(buffer, 0, read);
        }

        return decoded.ToArray();
    }
}
