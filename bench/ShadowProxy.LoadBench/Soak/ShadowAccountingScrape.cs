using System.Globalization;
using System.Text.RegularExpressions;

namespace ShadowProxy.LoadBench.Soak;

/// <summary>Sampled requests and their outcomes, read from the gateway's Prometheus endpoint.</summary>
internal sealed partial record ShadowAccountingScrape(long Sampled, IReadOnlyDictionary<string, long> Outcomes)
{
    public long TotalOutcomes => Outcomes.Values.Sum();

    public bool Balanced => Sampled == TotalOutcomes;

    public static ShadowAccountingScrape None { get; } = new(0, new Dictionary<string, long>());

    /// <summary>What happened between <paramref name="earlier"/> and this scrape of the same counters.</summary>
    public ShadowAccountingScrape Since(ShadowAccountingScrape earlier) => new(
        Sampled - earlier.Sampled,
        Outcomes.ToDictionary(o => o.Key, o => o.Value - earlier.Outcomes.GetValueOrDefault(o.Key)));

    public ShadowAccountingScrape Plus(ShadowAccountingScrape other) => new(
        Sampled + other.Sampled,
        Outcomes.Keys.Union(other.Outcomes.Keys).ToDictionary(k => k, k => Outcomes.GetValueOrDefault(k) + other.Outcomes.GetValueOrDefault(k)));

    public static async Task<ShadowAccountingScrape> ReadAsync(HttpClient client, Uri admin, CancellationToken cancellationToken) =>
        Parse(await client.GetStringAsync(new Uri(admin, "metrics"), cancellationToken));

    /// <summary>
    /// Polls until every sampled request has its outcome. A full queue takes a while to drain, so it waits as long as
    /// outcomes keep coming, and gives up after <paramref name="quiet"/> without progress.
    /// </summary>
    public static async Task<ShadowAccountingScrape> SettledAsync(HttpClient client, Uri admin, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        long lastOutcomes = -1;
        while (true)
        {
            var scrape = await ReadAsync(client, admin, cancellationToken);
            if (scrape.TotalOutcomes != lastOutcomes)
            {
                lastOutcomes = scrape.TotalOutcomes;
                sinceProgress.Restart();
            }

            if (scrape.Balanced || sinceProgress.Elapsed > quiet)
            {
                return scrape;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public static ShadowAccountingScrape Parse(string metrics)
    {
        long sampled = 0;
        var outcomes = new Dictionary<string, long>();
        foreach (Match match in SeriesPattern().Matches(metrics))
        {
            var value = (long)double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            var labels = match.Groups["labels"].Value;
            if (match.Groups["name"].Value == "decisions" && (labels.Contains("decision=\"sampled\"", StringComparison.Ordinal) || labels.Contains("decision=\"probe\"", StringComparison.Ordinal)))
            {
                sampled += value;
            }
            else if (match.Groups["name"].Value == "outcomes" && LabelPattern().Match(labels) is { Success: true } outcome)
            {
                outcomes[outcome.Groups[1].Value] = outcomes.GetValueOrDefault(outcome.Groups[1].Value) + value;
            }
        }

        return new ShadowAccountingScrape(sampled, outcomes);
    }

    [GeneratedRegex(@"^shadowproxy_shadow_(?<name>decisions|outcomes)_total\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SeriesPattern();

    [GeneratedRegex("outcome=\"([^\"]+)\"")]
    private static partial Regex LabelPattern();
}
