using System.Diagnostics;
using System.Diagnostics.Metrics;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// The one owner of ShadowProxy's Meter, ActivitySource and instruments. Labels are bounded: route ids from config,
/// fixed decision/outcome names, and model names passed through an allow-list.
/// </summary>
internal sealed partial class ShadowProxyInstrumentation : IDisposable
{
    public const string MeterName = "ShadowProxy";
    public const string ActivitySourceName = "ShadowProxy";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _jobsRejected;

    public ShadowProxyInstrumentation(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        ActivitySource = new ActivitySource(ActivitySourceName);
        _decisions = _meter.CreateCounter<long>(MetricNames.ShadowDecisions, description: "Sampling decisions on shadow-configured routes.");
        _outcomes = _meter.CreateCounter<long>(MetricNames.ShadowOutcomes, description: "How each sampled request ended; sums to the sampled decisions.");
        _requests = _meter.CreateCounter<long>(MetricNames.Requests, description: "Requests proxied, by route and status class.");
        _requestDuration = _meter.CreateHistogram<double>(MetricNames.RequestDuration, unit: "s", description: "Time from request start to the end of the response at the gateway, by route.");
        _meter.CreateObservableGauge(MetricNames.CaptureBufferBytes, static () => PooledCapture.RentedBytes, unit: "By",
            description: "Pooled bytes held by request and response captures in this process; returns to its idle level when work drains.");
        _meter.CreateObservableGauge(MetricNames.BuildInfo,
            static () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", BuildInfo.Version), new KeyValuePair<string, object?>("revision", BuildInfo.Revision)),
            description: "Always 1; the labels say which build is running (version from Directory.Build.props, source revision).");
        _jobsRejected = _meter.CreateCounter<long>(MetricNames.ShadowJobsRejected, description: "Shadow stream entries refused: not sealed with Redis:PayloadKey (forged, altered or foreign), or unreadable.");
        foreach (var reason in (string[])["unauthenticated", "unreadable"])
        {
            _jobsRejected.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }

        CreatePairInstruments();
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter => _meter;

    public void ShadowDecision(string route, ShadowDecision decision) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("decision", decision.Name()));

    public void ShadowOutcome(string route, ShadowOutcome outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("outcome", outcome.Name()));

    /// <param name="reason">`unauthenticated` or `unreadable`.</param>
    public void ShadowJobRejected(string reason) => _jobsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Bytes reserved by shadow buffers against Shadowing:MaxBufferedBytes.</summary>
    public void ObserveCaptureBudget(Shadowing.Capture.CaptureBudget budget) =>
        _meter.CreateObservableGauge(MetricNames.CaptureBudgetBytes, () => budget.ReservedBytes, unit: "By",
            description: "Bytes shadow buffers hold against Shadowing:MaxBufferedBytes; at the limit new samples are dropped as dropped_memory_limit.");

    public void ProxyRequest(string route, int statusCode, double seconds)
    {
        var tags = new TagList { { "route", route }, { "code", StatusClass(statusCode) } };
        _requests.Add(1, tags);
        _requestDuration.Record(seconds, new KeyValuePair<string, object?>("route", route));
    }

    private static string StatusClass(int statusCode) => statusCode switch
    {
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };

    /// <summary>
    /// Publishes zero for every known label set of a route, so outcomes that have not happened yet exist as series
    /// (rate() and alerts see 0, not "no data").
    /// </summary>
    public void InitializeRoute(string route)
    {
        foreach (var decision in Enum.GetValues<ShadowDecision>())
        {
            _decisions.Add(0, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("decision", decision.Name()));
        }

        foreach (var outcome in Enum.GetValues<ShadowOutcome>())
        {
            _outcomes.Add(0, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("outcome", outcome.Name()));
        }

        foreach (var result in Enum.GetValues<Core.Comparison.AnswerAgreement>())
        {
            AnswerAgreementCounter.Add(0, new TagList { { "route", route }, { "result", AgreementLabels.Of(result) } });
        }

        foreach (var side in (string[])["primary", "baseline"])
        {
            foreach (var flag in ResponseFlags.All)
            {
                ResponseFlagsCounter.Add(0, new TagList { { "route", route }, { "side", side }, { "flag", flag } });
            }
        }
    }

    public void ObserveQueue(Shadowing.Queue.IShadowQueue queue)
    {
        _meter.CreateObservableGauge(MetricNames.ShadowQueueDepth, () => queue.Depth, description: "Exchanges waiting for a baseline call.");
        _meter.CreateObservableGauge(MetricNames.ShadowQueueCapacity, () => queue.Capacity,
            description: "Exchanges the queue holds before new samples are dropped as dropped_queue_full.");
    }

    /// <summary>1 while this process is connected to Redis, 0 while it is not (only with Redis configured).</summary>
    public void ObserveRedisConnection(Func<bool> connected) =>
        _meter.CreateObservableGauge(MetricNames.RedisConnected, () => connected() ? 1 : 0,
            description: "1 while this process is connected to Redis; 0 means shadow work is being dropped and counted.");

    partial void CreatePairInstruments();

    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
