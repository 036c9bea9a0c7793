using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ShadowProxy.Yarp.Shadowing.Sampling;

/// <summary>
/// Maps a sampling key (a tenant header) onto [0, 1) with HMAC-SHA256 under a secret, so a caller cannot compute
/// which keys are always sampled and aim shadow spend with them. Replicas agree when they share
/// `Shadowing:SamplingSecret`; without it each process draws its own secret.
/// </summary>
internal sealed partial class SamplingKeyHash(string? configuredSecret)
{
    private const int MaxStackBytes = 512;

    private readonly byte[] _secret = configuredSecret is { Length: > 0 } ? Encoding.UTF8.GetBytes(configuredSecret) : RandomNumberGenerator.GetBytes(32);

    public bool IsShared { get; } = configuredSecret is { Length: > 0 };

    public static SamplingKeyHash Create(Policy.ShadowingOptions options, ILogger<SamplingKeyHash> logger)
    {
        var hash = new SamplingKeyHash(options.SamplingSecret);
        if (!hash.IsShared && options.Routes.Values.Any(r => Policy.SamplingKeys.TryParseHeader(r.SamplingKey, out _)))
        {
            LogSecretPerProcess(logger);
        }

        return hash;
    }

    public double ToUnitInterval(ReadOnlySpan<char> key)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = byteCount > MaxStackBytes ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[MaxStackBytes];
            var written = Encoding.UTF8.GetBytes(key, utf8);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_secret, utf8[..written], mac);
            return (BitConverter.ToUInt64(mac) >> 11) * (1.0 / (1UL << 53));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Shadowing:SamplingSecret is not set: header sampling is consistent within this process only; give every replica the same secret")]
    private static partial void LogSecretPerProcess(ILogger logger);
}
