using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// `Shadowing:Workers` bounds the shadow jobs in flight: a slow baseline sees exactly that many calls at once, never
/// more, and every queued sample still gets its pair. Sparse samples (one at a time, with pauses) are also paired.
/// </summary>
public sealed class WorkerConcurrencyTests
{
    [Fact]
    public async Task SlowBaseline_SeesAtMostWorkersCallsAtOnce_AndEverySampleIsPaired()
    {
        const int samples = 9;
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:Workers"] = "3",
            [$"Shadowing:Routes:{RecordingSetup.Route}:Baseline:Timeout"] = "00:00:10",
        });
        var gate = new Lock();
        var inFlight = 0;
        var peak = 0;
        setup.Baseline.Respond = async (context, request) =>
        {
            lock (gate)
            {
                peak = Math.Max(peak, ++inFlight);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
                await RecordingUpstream.EchoChatAsync(context, request);
            }
            finally
            {
                lock (gate)
                {
                    inFlight--;
                }
            }
        };
        using var client = setup.Gateway.ProxyClient();

        for (var i = 0; i < samples; i++)
        {
            await BaselineRequestTests.SendQuestionAsync(client, i);
        }

        await setup.WaitForAccountingAsync();

        Assert.Equal(samples, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.Paired));
        lock (gate)
        {
            Assert.Equal(3, peak);
        }
    }

    [Fact]
    public async Task SparseSamples_AreEachPaired()
    {
        await using var setup = await RecordingSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();

        for (var i = 1; i <= 4; i++)
        {
            await BaselineRequestTests.SendQuestionAsync(client, i);
            await setup.WaitForAccountingAsync();
            Assert.Equal(i, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.Paired));
        }
    }
}
