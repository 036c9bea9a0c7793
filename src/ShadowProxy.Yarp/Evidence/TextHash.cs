using System.Security.Cryptography;
using System.Text;

namespace ShadowProxy.Yarp.Evidence;

internal static class TextHash
{
    /// <summary>The first 16 hex digits of SHA-256: enough to tell answers apart, useless for recovering them.</summary>
    public static string? Of(string? text) =>
        text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
