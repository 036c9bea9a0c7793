using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Queue;
using ShadowProxy.Yarp.Telemetry;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// The shadow queue shared by every replica: a Redis Stream read by the `workers` consumer group. The request path
/// only writes to a small local channel; a pump moves it to the stream. Workers acknowledge a job once it is settled
/// and re-claim jobs another worker left pending past <see cref="RedisOptions.ClaimIdleAfter"/>.
/// </summary>
internal sealed partial class RedisShadowQueue(
    RedisConnection redis,
    ShadowPolicyStore policies,
    ShadowAccounting accounting,
    IPairLedger ledger,
    StreamPayloadProtector protector,
    ShadowProxyInstrumentation instrumentation,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisShadowQueue> logger) : BackgroundService, IShadowQueue
{
    private const string Group = "workers";
    private const string PayloadField = "x";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(50);

    private const int MaxOutgoing = 1024;

    private readonly Channel<ShadowExchange> _outgoing = Channel.CreateBounded<ShadowExchange>(
        new BoundedChannelOptions(OutgoingCapacity(policies)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<ShadowExchange> _incoming = Channel.CreateBounded<ShadowExchange>(
        new BoundedChannelOptions(IncomingCapacity(policies)) { SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Entries this worker is processing; their idle time is reset so no other worker re-claims them.</summary>
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeliveryWaiter _waiter = new();
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^20];
    private bool _groupReady;

    public int Depth => _outgoing.Reader.Count + _incoming.Reader.Count;

    /// <summary>The local buffers only: the stream itself is bounded by Redis:StreamMaxLength.</summary>
    public int Capacity { get; } = OutgoingCapacity(policies) + IncomingCapacity(policies);

    private static int OutgoingCapacity(ShadowPolicyStore policies) => Math.Min(policies.Current.Options.QueueCapacity, MaxOutgoing);

    private static int IncomingCapacity(ShadowPolicyStore policies) => Math.Max(policies.Current.Options.Workers, 1);

    private RedisKey StreamKey => redis.Key("queue");

    /// <summary>Never waits: a full local buffer or a disconnected Redis returns false and the caller counts the drop.</summary>
    public bool TryEnqueue(ShadowExchange exchange) => redis.IsConnected && _outgoing.Writer.TryWrite(exchange);

    public ValueTask<ShadowExchange> DequeueAsync(CancellationToken cancellationToken)
    {
        _consuming.TrySetResult();
        return _incoming.Reader.ReadAsync(cancellationToken);
    }

    /// <summary>Entries this worker has read from the stream and not yet handed to a job.</summary>
    public bool TryTakeDelivered([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange) => _incoming.Reader.TryRead(out exchange);

    public Task WaitForDeliveredAsync(int count, CancellationToken cancellationToken) => _waiter.WaitAsync(_incoming.Reader, count, cancellationToken);

    /// <summary>Always false: entries already read stay pending in the shared stream and another worker re-claims them.</summary>
    public bool TryDequeue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange)
    {
        exchange = null;
        return false;
    }

    public async ValueTask CompleteAsync(ShadowExchange exchange, bool settled, CancellationToken cancellationToken)
    {
        if (exchange.QueueEntryId is not { } id)
        {
            return;
        }

        _inFlight.TryRemove(id, out _);
        if (!settled)
        {
            return;
        }

        try
        {
            await ForgetAsync(id);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Left pending: it is re-claimed later and the ledger keeps it from being counted twice.
            LogRedisFailed(logger, "XACK", e.Message);
        }
    }

    /// <summary>A settled job is acknowledged and deleted: its prompt and answer have no reason to stay in Redis.</summary>
    private Task<bool> ForgetAsync(RedisValue id)
    {
        var transaction = redis.Database.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(StreamKey, Group, id);
        _ = transaction.StreamDeleteAsync(StreamKey, [id]);
        return transaction.ExecuteAsync();
    }

    private async Task ForgetQuietlyAsync(RedisValue id)
    {
        try
        {
            await ForgetAsync(id);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFailed(logger, "XACK", e.Message);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Task.Run(() => PumpAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => ConsumeAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => HeartbeatAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => ResolveFailedAddsAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => WatchHandedOverAsync(stoppingToken), CancellationToken.None));

    /// <summary>
    /// Claims this worker's in-flight entries again (XCLAIM, min idle 0) well within <see cref="RedisOptions.ClaimIdleAfter"/>,
    /// so a slow baseline call is not re-run elsewhere; once this process stops, they go idle and are re-claimed.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimIdleAfter / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var ids = _inFlight.Keys.Select(id => (RedisValue)id).ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                try
                {
                    await redis.Database.StreamClaimIdsOnlyAsync(StreamKey, Group, _consumer, 0, ids);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    LogRedisFailed(logger, "XCLAIM", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown.
        }
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        var addOptions = new StreamAddOptions { MaxLength = options.Value.StreamMaxLength, Approximate = true };
        try
        {
            await foreach (var exchange in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                var routeId = exchange.Policy.RouteId;
                var pairId = exchange.PairId;
                var baselineTimeout = exchange.Policy.Options.Baseline.Timeout;
                byte[] payload;
                using (exchange)
                {
                    payload = protector.Seal(ShadowExchangeSerializer.Serialize(exchange));
                }

                try
                {
                    var entryId = await redis.Database.StreamAddAsync(StreamKey, [new NameValueEntry(PayloadField, payload)], addOptions);
                    HandedOver(routeId, pairId, entryId, baselineTimeout);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    LogRedisFailed(logger, "XADD", e.Message);
                    AddFailed(routeId, pairId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown: whatever is still buffered locally is released below.
        }

        while (_outgoing.Reader.TryRead(out var left))
        {
            accounting.Outcome(left.Policy.RouteId, ShadowOutcome.DroppedShutdown);
            left.Dispose();
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _consuming.Task.WaitAsync(stoppingToken);
            var claimEvery = TimeSpan.FromTicks(Math.Max(options.Value.ClaimIdleAfter.Ticks / 2, TimeSpan.FromMilliseconds(250).Ticks));
            var nextClaim = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await EnsureGroupAsync();
                    var claimed = 0;
                    if (time.GetUtcNow() >= nextClaim)
                    {
                        claimed = await ClaimAbandonedAsync(stoppingToken);
                        nextClaim = time.GetUtcNow() + claimEvery;
                    }

                    if (claimed + await ReadNewAsync(stoppingToken) == 0)
                    {
                        await Task.Delay(IdlePoll, stoppingToken);
                    }
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    if (e.Message.Contains("NOGROUP", StringComparison.Ordinal))
                    {
                        _groupReady = false;
                    }

                    LogRedisFailed(logger, "XREADGROUP", e.Message);
                    await Task.Delay(RetryDelay, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown; unacknowledged jobs stay pending and another worker re-claims them.
        }
    }

    private async Task EnsureGroupAsync()
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            await redis.Database.StreamCreateConsumerGroupAsync(StreamKey, Group, "0-0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another worker created it first.
        }

        _groupReady = true;
    }

    private async Task<int> ReadNewAsync(CancellationToken stoppingToken)
    {
        await _incoming.Writer.WaitToWriteAsync(stoppingToken);
        var room = Math.Max(1, Math.Max(policies.Current.Options.Workers, 1) - _incoming.Reader.Count);
        var entries = await redis.Database.StreamReadGroupAsync(StreamKey, Group, _consumer, StreamPosition.NewMessages, Math.Min(room, 16));
        await DeliverAsync(entries, stoppingToken);
        return entries.Length;
    }

    private async Task<int> ClaimAbandonedAsync(CancellationToken stoppingToken)
    {
        var idle = (long)options.Value.ClaimIdleAfter.TotalMilliseconds;
        var result = await redis.Database.StreamAutoClaimAsync(StreamKey, Group, _consumer, idle, "0-0", 16);
        var entries = result.ClaimedEntries.Where(e => !e.IsNull).ToArray();
        if (entries.Length > 0)
        {
            LogReclaimed(logger, entries.Length);
        }

        await DeliverAsync(entries, stoppingToken);
        return entries.Length;
    }

    private async Task DeliverAsync(StreamEntry[] entries, CancellationToken stoppingToken)
    {
        foreach (var entry in entries)
        {
            var exchange = await RebuildAsync(entry, stoppingToken);
            if (exchange is not null)
            {
                _inFlight[entry.Id.ToString()] = 0;
                await _incoming.Writer.WriteAsync(exchange, stoppingToken);
                _waiter.OnDelivered(_incoming.Reader);
            }
        }
    }

    private async Task<ShadowExchange?> RebuildAsync(StreamEntry entry, CancellationToken stoppingToken)
    {
        if (protector.Open((byte[]?)entry[PayloadField] ?? []) is not { } payload)
        {
            // Not written by a process holding the key: its route and pair cannot be trusted, so it is counted apart
            // and never sent anywhere.
            LogForged(logger, entry.Id.ToString());
            instrumentation.ShadowJobRejected("unauthenticated");
            _ = ForgetQuietlyAsync(entry.Id);
            return null;
        }

        try
        {
            var (routeId, exchange) = ShadowExchangeSerializer.Deserialize(payload, policies.Current, entry.Id.ToString());
            if (exchange is null)
            {
                LogUnknownRoute(logger, routeId);
                await SettleUnusableAsync(entry.Id, payload, ShadowOutcome.BaselineError, stoppingToken);
            }

            return exchange;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
            LogUnreadable(logger, entry.Id.ToString(), e.Message);
            instrumentation.ShadowJobRejected("unreadable");
            await SettleUnusableAsync(entry.Id, payload, ShadowOutcome.DroppedUnreadable, stoppingToken);
            return null;
        }
    }

    /// <summary>
    /// An authentic job this worker cannot compare still gets its one outcome, through the ledger like a pair. If not
    /// even its envelope (pair and route) can be read, it is deleted unsettled and the process that queued it counts
    /// it <c>dropped_lost</c>.
    /// </summary>
    private async Task SettleUnusableAsync(RedisValue entryId, byte[] payload, ShadowOutcome outcome, CancellationToken stoppingToken)
    {
        if (ShadowExchangeSerializer.TryReadEnvelope(payload, out var pairId, out var routeId)
            && await ledger.TrySettleAsync(pairId, stoppingToken) == PairClaim.Won)
        {
            accounting.Outcome(routeId, outcome);
        }

        await ForgetQuietlyAsync(entryId);
    }

    public override void Dispose()
    {
        while (_incoming.Reader.TryRead(out var exchange))
        {
            exchange.Dispose();
        }

        base.Dispose();
    }
}
