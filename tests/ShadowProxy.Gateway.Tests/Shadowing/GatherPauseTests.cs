using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Dispatch;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// The pause that gathers sparse samples into batches ends as soon as a full batch waits, not at the window's end.
/// </summary>
[Collection(RunsAloneGroup.Name)]
public sealed class GatherPauseTests
{
    [Fact]
    public async Task FullBatchArrivingDuringAGatherPause_StartsAtOnce_NotAtTheWindowsEnd()
    {
        // Four slots: a full batch is four exchanges. One sample alone leaves the loop pausing for company.
        await using var setup = await RecordingSetup.StartAsync(RunsAloneGroup.WithWorkersAtNormalPriority(new() { ["Shadowing:Workers"] = "4" }));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        setup.Baseline.Respond = (context, request) =>
        {
            arrivals.Enqueue(clock.Elapsed);
            return RecordingUpstream.EchoChatAsync(context, request);
        };
        using var client = setup.Gateway.ProxyClient();

        // A first sample takes the cold paths (JIT, connections); the pause after it ends before the test proper.
        await BaselineRequestTests.SendQuestionAsync(client, 0);
        await setup.WaitForAccountingAsync();
        await Task.Delay(BaselineDispatcher.GatherWindow * 1.5, TestContext.Current.CancellationToken);
        arrivals.Clear();

        await BaselineRequestTests.SendQuestionAsync(client, 1);
        await Eventually.TrueAsync(() => arrivals.Count == 1, TimeSpan.FromSeconds(10), "the lone sample's baseline call");
        await Task.WhenAll(Enumerable.Range(2, 4).Select(i => BaselineRequestTests.SendQuestionAsync(client, i)));
        var batchQueued = clock.Elapsed;
        await Eventually.TrueAsync(() => arrivals.Count == 5, TimeSpan.FromSeconds(10), "the batch's baseline calls");

        // The delivery that makes a full batch ends the pause; waiting out the window (1 s) would hold the batch
        // until the window's end after the lone sample started.
        var waited = arrivals.Max() - batchQueued;
        TestContext.Current.TestOutputHelper?.WriteLine($"lone call at {arrivals.Min().TotalMilliseconds:F0} ms, batch queued at {batchQueued.TotalMilliseconds:F0} ms, its last call {waited.TotalMilliseconds:F0} ms later");
        Assert.True(waited < BaselineDispatcher.GatherWindow / 2, $"the full batch waited {waited.TotalMilliseconds:F0} ms");
        await setup.WaitForAccountingAsync();
        Assert.Equal(6, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.Paired));
    }
}
