using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Checks the admin token and the login sessions. A session cookie is
/// <c>v1.{expiry, unix seconds}.{random nonce}.{HMAC-SHA256 of the first three parts}</c> under a key derived from
/// Admin:Token, so every replica sharing the token accepts it, changing the token revokes every session, and the
/// server enforces the expiry with its own clock instead of trusting the browser to drop the cookie.
/// </summary>
internal sealed class AdminCredentials(IOptionsMonitor<AdminOptions> options, TimeProvider time)
{
    public const string CookieName = "shadowproxy_admin";
    private const string Version = "v1";
    private const int NonceBytes = 16;

    // Replicas' clocks differ a little; a session minted on one slightly ahead must still pass the lifetime cap.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private Secrets? _secrets;

    public bool TokenRequired => !string.IsNullOrEmpty(options.CurrentValue.Token);

    public TimeSpan SessionLifetime => options.CurrentValue.SessionLifetime;

    /// <summary>Digests first, so the comparison takes the same time whatever the presented length.</summary>
    public bool TokenMatches(string presented) =>
        Current() is { } secrets && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), secrets.TokenDigest);

    public string IssueSession()
    {
        var secrets = Current() ?? throw new InvalidOperationException("Admin:Token is not set, so there is no session to issue.");
        var expires = (time.GetUtcNow() + SessionLifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Version}.{expires}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes))}");
        return $"{payload}.{Base64Url.EncodeToString(Sign(secrets, payload))}";
    }

    public bool IsValidSession(string cookie)
    {
        if (Current() is not { } secrets || cookie.Split('.') is not [Version, var expiry, _, var signature])
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Base64Url.TryDecodeFromChars(signature, presented, out var written) || written != presented.Length
            || !CryptographicOperations.FixedTimeEquals(presented, Sign(secrets, cookie[..cookie.LastIndexOf('.')])))
        {
            return false;
        }

        // The expiry is ours once the signature holds; capping it by the current lifetime also cuts back sessions
        // issued before Admin:SessionLifetime was shortened.
        var now = time.GetUtcNow();
        return long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds > now.ToUnixTimeSeconds()
            && seconds <= (now + SessionLifetime + ClockSkew).ToUnixTimeSeconds();
    }

    private static byte[] Sign(Secrets secrets, string payload) => HMACSHA256.HashData(secrets.SessionKey, Encoding.UTF8.GetBytes(payload));

    private Secrets? Current()
    {
        var token = options.CurrentValue.Token;
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        // Derived once per token; a reloaded token simply replaces the pair.
        if (_secrets is { } cached && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            return cached;
        }

        var bytes = Encoding.UTF8.GetBytes(token);
        var derived = new Secrets(token, SHA256.HashData(bytes), HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, salt: [], info: "shadowproxy admin session v1"u8.ToArray()));
        _secrets = derived;
        return derived;
    }

    private sealed record Secrets(string Token, byte[] TokenDigest, byte[] SessionKey);
}
