using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Seals shadow jobs with AES-256-GCM under a key derived from `Redis:PayloadKey`: what lies in the stream is
/// unreadable without the key, and a job written without it (or altered) fails to open and is refused. The key
/// prefix is the associated data, so a job cannot be replayed into another deployment sharing the Redis.
/// </summary>
internal sealed class StreamPayloadProtector
{
    public const int MinKeyChars = 32;
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    private readonly byte[] _key;
    private readonly byte[] _associatedData;

    public StreamPayloadProtector(IOptions<RedisOptions> options)
    {
        var secret = options.Value.PayloadKey ?? throw new InvalidOperationException("Redis:PayloadKey is required.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "shadowproxy stream payload v1"u8.ToArray());
        _associatedData = Encoding.UTF8.GetBytes(options.Value.KeyPrefix);
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext)
    {
        var sealedPayload = new byte[HeaderBytes + plaintext.Length];
        sealedPayload[0] = Version;
        var nonce = sealedPayload.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedPayload.AsSpan(HeaderBytes), sealedPayload.AsSpan(1 + NonceBytes, TagBytes), _associatedData);
        return sealedPayload;
    }

    /// <returns>The plaintext, or null when the payload was not sealed with this key (forged, altered or foreign).</returns>
    public byte[]? Open(ReadOnlySpan<byte> sealedPayload)
    {
        if (sealedPayload.Length < HeaderBytes || sealedPayload[0] != Version)
        {
            return null;
        }

        var plaintext = new byte[sealedPayload.Length - HeaderBytes];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedPayload.Slice(1, NonceBytes), sealedPayload[HeaderBytes..], sealedPayload.Slice(1 + NonceBytes, TagBytes), plaintext, _associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
