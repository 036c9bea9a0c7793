using System.Globalization;

namespace ShadowProxy.LoadBench.Harness;

/// <summary>`command --name value --flag` arguments; unknown names are rejected so a typo cannot go unnoticed.</summary>
internal sealed class BenchArguments(string[] args)
{
    private readonly HashSet<string> _read = [];

    public string Command => args.Length > 0 ? args[0] : "";

    public bool Flag(string name)
    {
        _read.Add(name);
        return args.Contains(name);
    }

    public string? Text(string name)
    {
        _read.Add(name);
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public double Number(string name, double fallback) =>
        Text(name) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} needs a positive number, not '{text}'.");

    /// <summary>Call after reading every option: names anything given that nobody asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && !_read.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown)}");
        }
    }
}
