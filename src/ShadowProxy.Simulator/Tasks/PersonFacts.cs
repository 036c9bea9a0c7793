using System.Globalization;
using System.Text.RegularExpressions;

namespace ShadowProxy.Simulator.Tasks;

/// <summary>The facts an extraction prompt like "'Ada is 36 years old.'" states, so a simulated model can get them right.</summary>
internal sealed partial record PersonFacts(string Name, int Age)
{
    public static PersonFacts? From(string prompt) =>
        Statement().Match(prompt) is { Success: true } m && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var age)
            ? new PersonFacts(m.Groups[1].Value, age)
            : null;

    [GeneratedRegex(@"([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) is (\d{1,3}) years old")]
    private static partial Regex Statement();
}
