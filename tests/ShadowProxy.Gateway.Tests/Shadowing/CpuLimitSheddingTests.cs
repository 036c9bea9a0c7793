using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Admission;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// A gateway at its CPU limit (the process's CPU clock replaced, everything else real) still answers every client
/// with the primary's bytes, lets its samples go as `dropped_cpu_limit` but one a second, and counts each once.
/// </summary>
public sealed class CpuLimitSheddingTests
{
    [Theory]
    [InlineData(1.0, true)]
    [InlineData(0.2, false)]
    public async Task GatewayAtItsCpuLimit_ShedsSamples_ClientsGetThePrimarysBytes(double coresBusy, bool sheds)
    {
        var primary = await TestUpstream.StartAsync();
        await using var _ = primary;
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var settings = ShadowSetup.Settings(baseline.BaseUri, new Dictionary<string, string?> { ["Shadowing:MaxCpuUtilization"] = "0.9" });
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, settings,
            services: s => s.Replace(ServiceDescriptor.Singleton<IProcessCpu>(new WallClockCpu(coresBusy))));
        using var client = gateway.ProxyClient();

        // 40 requests over about two seconds: the first quarter second passes before anything is measured.
        const int Requests = 40;
        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.PostAsync("v1/chat/completions",
                new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(TestUpstream.CannedChat, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        long Sampled() => accounting.Decisions(ShadowSetup.Route, ShadowDecision.Sampled);
        await ShadowSetup.WaitForAccountingAsync(accounting, Sampled);
        Assert.Equal(Requests, Sampled());
        Assert.Equal(Sampled(), accounting.TotalOutcomes(ShadowSetup.Route));
        var shed = accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.DroppedCpuLimit);
        var paired = accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired);
        if (sheds)
        {
            Assert.InRange(shed, Requests / 2, Requests - 2);
            Assert.True(paired >= 2, $"the floor keeps one sample a second: {paired} paired");
        }
        else
        {
            Assert.Equal(0, shed);
            Assert.Equal(Requests, paired);
        }

        using var admin = gateway.AdminClient();
        var metrics = await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Contains($"shadowproxy_shadow_outcomes_total{{route=\"openai\",outcome=\"dropped_cpu_limit\"}} {shed}", metrics, StringComparison.Ordinal);
    }

    /// <summary>A process that has used <paramref name="coresBusy"/> of its one core since it was created.</summary>
    private sealed class WallClockCpu(double coresBusy) : IProcessCpu
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public TimeSpan UsedTime => Stopwatch.GetElapsedTime(_start) * coresBusy;

        public double AllowedCores => 1;
    }
}
