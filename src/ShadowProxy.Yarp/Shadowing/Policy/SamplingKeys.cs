namespace ShadowProxy.Yarp.Shadowing.Policy;

internal static class SamplingKeys
{
    public const string Random = "random";
    private const string HeaderPrefix = "header:";

    public static bool TryParseHeader(string samplingKey, out string header)
    {
        header = samplingKey.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase) ? samplingKey[HeaderPrefix.Length..].Trim() : string.Empty;
        return header.Length > 0;
    }
}
