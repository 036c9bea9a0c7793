using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Gateway.Tests.Reliability;

/// <summary>
/// Pooled capture buffers go back to the pool however an exchange ends. The count is process-wide, so these tests
/// run alone, after the parallel ones.
/// </summary>
[Collection(RunsAloneGroup.Name)]
public sealed class CaptureBufferTests
{
    [Fact]
    public async Task ClientAbortMidStream_ReturnsEveryCaptureBuffer()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        var idle = PooledCapture.RentedBytes;

        using (var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "v1/slow/chat/completions") { Content = new StringContent("""{"model":"m","stream":true,"messages":[]}""") },
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            Assert.True(await stream.ReadAsync(new byte[64], TestContext.Current.CancellationToken) > 0);
            await Eventually.TrueAsync(() => PooledCapture.RentedBytes > idle, TimeSpan.FromSeconds(10), "the sampled stream being captured");
        }

        await setup.Primary.SlowStreamAborted.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();
        await Eventually.TrueAsync(() => PooledCapture.RentedBytes == idle, TimeSpan.FromSeconds(10), "every capture buffer returned");
        Assert.Equal(idle, PooledCapture.RentedBytes);
    }

    [Fact]
    public async Task PairedAndFailedBaselineExchanges_ReturnEveryCaptureBuffer()
    {
        await using var paired = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        await using var dead = await ShadowSetup.StartAsync(baselineProfile: null);
        var idle = PooledCapture.RentedBytes;

        foreach (var setup in new[] { paired, dead })
        {
            using var client = setup.Gateway.ProxyClient();
            for (var i = 0; i < 20; i++)
            {
                using var response = await client.SendAsync(
                    BaselineRequestTests.Chat("""{"model":"m","messages":[{"role":"user","content":"Suggest a name for a coffee shop."}]}"""),
                    TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
            }

            await setup.WaitForAccountingAsync();
        }

        Assert.True(paired.Pairs.Count > 0, "no pair was recorded, so no capture was exercised");
        await Eventually.TrueAsync(() => PooledCapture.RentedBytes == idle, TimeSpan.FromSeconds(10), "every capture buffer returned");
        Assert.Equal(idle, PooledCapture.RentedBytes);
    }
}
