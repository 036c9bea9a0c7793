using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// Exposes this gateway's <see cref="Meter"/> through prometheus-net with Prometheus semantics: counters stay counters
/// (with `_total`), histograms use the buckets in <see cref="HistogramBuckets"/>, and every gateway gets a registry
/// of its own. (prometheus-net's stock MeterAdapter turns counters into expiring gauges, which breaks rate().)
/// </summary>
internal sealed class PrometheusMeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MetricFactory _factory;
    private readonly ConcurrentDictionary<Instrument, Func<string[], object>> _series = new();

    /// <summary>
    /// Each labelled series once resolved: the request path records several measurements per request, and
    /// prometheus-net's label lookup allocates and hashes the whole label set every time.
    /// </summary>
    private readonly ConcurrentDictionary<SeriesKey, object> _children = new();

    public PrometheusMeterBridge(ShadowProxyInstrumentation instrumentation)
    {
        Registry = Metrics.NewCustomRegistry();
        _factory = Metrics.WithCustomRegistry(Registry);
        // Exemplars would read the current trace on every measurement of the request path; nothing here exports them.
        _factory.ExemplarBehavior = new ExemplarBehavior { DefaultExemplarProvider = static (_, _) => Exemplar.None };
        DotNetStats.Register(Registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == instrumentation.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
        Registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    public CollectorRegistry Registry { get; }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = SeriesKey.For(instrument, tags);
        if (key is null || !_children.TryGetValue(key.Value, out var series))
        {
            series = Resolve(instrument, tags);
            if (key is { } known)
            {
                _children.TryAdd(known, series);
            }
        }

        switch (series)
        {
            case Counter.Child counter:
                counter.Inc(value);
                break;
            case Histogram.Child histogram:
                histogram.Observe(value);
                break;
            case Gauge.Child gauge:
                gauge.Set(value);
                break;
        }
    }

    private object Resolve(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            values[i] = tags[i].Value?.ToString() ?? string.Empty;
        }

        if (!_series.TryGetValue(instrument, out var withLabels))
        {
            withLabels = _series.GetOrAdd(instrument, Create, tags.ToArray());
        }

        return withLabels(values);
    }

    /// <summary>Label names come from the first measurement's tag keys: each instrument is always tagged the same way.</summary>
    private Func<string[], object> Create(Instrument instrument, KeyValuePair<string, object?>[] tags)
    {
        var labels = tags.Select(t => PrometheusName(t.Key)).ToArray();
        var help = instrument.Description ?? instrument.Name;
        switch (instrument)
        {
            case Counter<long> or Counter<int> or Counter<double>:
                var counter = _factory.CreateCounter(PrometheusName(instrument.Name) + "_total", help, labels);
                return values => counter.WithLabels(values);
            case Histogram<long> or Histogram<int> or Histogram<double>:
                var name = PrometheusName(instrument.Name);
                name = instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal) ? name + "_seconds" : name;
                var histogram = _factory.CreateHistogram(name, help, labels, new HistogramConfiguration { Buckets = HistogramBuckets.For(instrument.Name) });
                return values => histogram.WithLabels(values);
            default:
                var gauge = _factory.CreateGauge(PrometheusName(instrument.Name), help, labels);
                return values => gauge.WithLabels(values);
        }
    }

    private static string PrometheusName(string name) => name.Replace('.', '_').Replace('-', '_');

    public void Dispose() => _listener.Dispose();

    /// <summary>An instrument and up to three string label values; other label sets are resolved each time.</summary>
    private readonly record struct SeriesKey(Instrument Instrument, string? First, string? Second, string? Third)
    {
        public static SeriesKey? For(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length > 3)
            {
                return null;
            }

            foreach (var tag in tags)
            {
                if (tag.Value is not string)
                {
                    return null;
                }
            }

            return new SeriesKey(instrument, ValueAt(tags, 0), ValueAt(tags, 1), ValueAt(tags, 2));
        }

        private static string? ValueAt(ReadOnlySpan<KeyValuePair<string, object?>> tags, int index) =>
            index < tags.Length ? (string)tags[index].Value! : null;
    }
}
