using System.Text;
using System.Text.Json;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Snake-case JSON for machines:
/// <c>{"pairs":N,"baseline":"...","primary":"...","metrics":[{"name","baseline","primary","delta","p_value","p_adjusted","drift","n","test","ci_low","ci_high"}]}</c>.
/// </summary>
internal static class ReplayJsonRenderer
{
    public static string Render(ReplayReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("pairs", report.Pairs);
            json.WriteString("baseline", report.Baseline);
            json.WriteString("primary", report.Primary);
            json.WriteString("profile", report.Profile);
            json.WriteNumber("unpaired_records", report.UnpairedRecords);
            json.WriteStartArray("metrics");
            foreach (var metric in report.Metrics)
            {
                WriteMetric(json, metric);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteMetric(Utf8JsonWriter json, ReplayMetric metric)
    {
        json.WriteStartObject();
        json.WriteString("name", metric.Name);
        json.WriteNumber("baseline", metric.Baseline);
        json.WriteNumber("primary", metric.Primary);
        json.WriteNumber("delta", metric.Delta);
        json.WriteNumber("p_value", metric.PValue);
        json.WriteNumber("p_adjusted", metric.AdjustedPValue);
        json.WriteBoolean("drift", metric.Drift);
        json.WriteNumber("n", metric.N);
        json.WriteString("test", metric.Test);
        if (metric.CiLow is { } low && metric.CiHigh is { } high)
        {
            json.WriteNumber("ci_low", low);
            json.WriteNumber("ci_high", high);
        }

        json.WriteEndObject();
    }
}
