using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Yarp.Drift;

/// <summary>
/// Re-evaluates drift on a fixed cadence in the background and keeps the latest report for the API, the gauges and
/// readiness; requests never wait for statistics.
/// </summary>
internal sealed partial class DriftMonitor(DriftTracker tracker, DriftOptions options, TimeProvider time, ILogger<DriftMonitor> logger) : BackgroundService
{
    private readonly Dictionary<(DriftKey Key, string Metric), DriftState> _lastStates = [];
    private volatile DriftReport _latest = new(DateTimeOffset.MinValue, []);

    public DriftReport Latest => _latest;

    public TimeSpan Interval => options.EvaluateEvery;

    /// <summary>Evaluates now (the API's `?refresh=true`, and tests).</summary>
    public async Task<DriftReport> RefreshAsync(CancellationToken cancellationToken)
    {
        var report = await tracker.EvaluateAsync(cancellationToken);
        _latest = report;
        LogTransitions(report);
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                {
                    // Shared drift windows unreachable: keep the last report and try again on the next tick.
                    LogEvaluationFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown.
        }
    }

    private void LogTransitions(DriftReport report)
    {
        lock (_lastStates)
        {
            foreach (var key in report.Keys)
            {
                foreach (var metric in key.Metrics)
                {
                    var id = (key.Key, metric.Name);
                    // Learning a null (warming up) and then finding nothing (ok) is not news.
                    if (_lastStates.TryGetValue(id, out var previous) && previous != metric.State && !(IsQuiet(previous) && IsQuiet(metric.State)))
                    {
                        LogStateChanged(logger, key.Key.Route, key.Key.PrimaryModel, metric.Name, previous, metric.State, metric.Evidence);
                    }

                    _lastStates[id] = metric.State;
                }
            }
        }
    }

    private static bool IsQuiet(DriftState state) => state is DriftState.WarmingUp or DriftState.Ok;

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Drift evaluation skipped, the drift store is unavailable: {Error}")]
    private static partial void LogEvaluationFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Drift state of {Metric} on route {Route} (model {Model}) changed {From} -> {To} (evidence {Evidence})")]
    private static partial void LogStateChanged(ILogger logger, string route, string model, string metric, DriftState from, DriftState to, double? evidence);
}
