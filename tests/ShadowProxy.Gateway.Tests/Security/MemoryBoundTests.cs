using System.Security.Cryptography;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team finding 6: shadow buffers are bounded by bytes (Shadowing:MaxBufferedBytes), not by how many exchanges
/// happen to be large. With a hung baseline and large answers the budget is never exceeded, the surplus is counted
/// `dropped_memory_limit`, every client still gets its primary's bytes, and the budget drains back to zero.
/// </summary>
public sealed class MemoryBoundTests
{
    private const long Limit = 2 * 1024 * 1024;

    [Fact]
    public async Task HungBaselineAndLargeAnswers_StayWithinTheByteBudget()
    {
        var answer = Convert.ToHexString(RandomNumberGenerator.GetBytes(150_000));
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:MaxBufferedBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        setup.Primary.Respond = (context, request) => RecordingUpstream.ChatAsync(context, answer, "gpt-4o", "stop");
        setup.Baseline.Respond = (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted);
        var budget = setup.Gateway.Services.GetRequiredService<CaptureBudget>();
        using var client = setup.Gateway.ProxyClient();
        long peak = 0;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                peak = Math.Max(peak, budget.ReservedBytes);
                await Task.Delay(1, CancellationToken.None);
            }
        }, CancellationToken.None);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var response = await client.SendAsync(MirroringScopeTests.Chat("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""), TestContext.Current.CancellationToken);
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }));
        await setup.WaitForAccountingAsync();
        await watching.CancelAsync();
        await watcher;

        Assert.All(responses, body => Assert.Contains(answer, body, StringComparison.Ordinal));
        Assert.InRange(peak, 1, Limit);
        Assert.True(setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.DroppedMemoryLimit) > 0, "some samples were let go at the limit");
        Assert.Equal(30, setup.Accounting.TotalOutcomes(RecordingSetup.Route));
        await Eventually.TrueAsync(() => budget.ReservedBytes == 0, TimeSpan.FromSeconds(10), "the budget to drain");
    }
}
