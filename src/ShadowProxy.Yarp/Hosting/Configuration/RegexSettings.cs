using System.Text.RegularExpressions;

namespace ShadowProxy.Yarp.Hosting.Configuration;

/// <summary>Lists of regular expressions in configuration: each must compile, or start-up names its index.</summary>
internal static class RegexSettings
{
    public static void Check(string key, IEnumerable<string> patterns, List<string> errors)
    {
        foreach (var (pattern, index) in patterns.Select((p, i) => (p, i)))
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                errors.Add($"{key}:{index}: not a valid regular expression ({e.Message}).");
            }
        }
    }
}
