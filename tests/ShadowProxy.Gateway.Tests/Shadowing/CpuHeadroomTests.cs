using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Yarp.Shadowing.Admission;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// The CPU gate in simulated time: a process under its limit shadows every sample; one at its limit lets them go but
/// one per route per second; a pause in sampling does not open the gate for the next burst; a limit of 1 never sheds.
/// </summary>
public sealed class CpuHeadroomTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.85, 1.0)]
    [InlineData(0.25, 0.5)]
    [InlineData(1.9, 4.0)]
    public void ProcessUnderItsLimit_AdmitsEverySample(double coresBusy, double allowedCores)
    {
        var setup = Create(coresBusy, allowedCores, 0.9);

        var admitted = Run(setup, TimeSpan.FromSeconds(10), "openai");

        Assert.Equal(1000, admitted["openai"]);
        Assert.Equal(coresBusy / allowedCores, setup.Gate.Utilization, 6);
    }

    [Theory]
    [InlineData(0.95, 1.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.9, 2.0)]
    public void BusyProcess_LetsSamplesGo_ButOnePerRoutePerSecond(double coresBusy, double allowedCores)
    {
        var setup = Create(coresBusy, allowedCores, 0.9);

        var admitted = Run(setup, TimeSpan.FromSeconds(10), "openai", "anthropic");

        // Until the first quarter-second window is measured nothing is known: 25 samples a route pass. Then the
        // process is busy, and each route keeps one sample a second: at 0.25 s and at every whole second after it.
        Assert.All(admitted.Values, count => Assert.Equal(25 + 10, count));
    }

    [Fact]
    public void LimitOfOne_NeverSheds()
    {
        var setup = Create(1.0, 1.0, 1);

        var admitted = Run(setup, TimeSpan.FromSeconds(5), "openai");

        Assert.Equal(500, admitted["openai"]);
    }

    [Fact]
    public void ProcessThatCalmsDown_ShadowsEverySampleAgain()
    {
        var setup = Create(1.0, 1.0, 0.9);
        var busy = Run(setup, TimeSpan.FromSeconds(3), "openai");
        setup.Cpu.CoresBusy = 0.3;

        // The first window after the change still measures the busy past; then the gate reopens over five windows,
        // one sample in 16, 8, 4, 2 (about 23 of their 100), and the remaining seven pass whole (175).
        var calm = Run(setup, TimeSpan.FromSeconds(3), "openai");

        Assert.True(busy["openai"] < 40, $"{busy["openai"]} admitted while busy");
        Assert.InRange(calm["openai"], 175 + 20, 175 + 30);
    }

    [Fact]
    public void BriefDip_OpensTheGateOnlyAFraction()
    {
        var setup = Create(1.0, 1.0, 0.9);
        Run(setup, TimeSpan.FromSeconds(3), "openai");
        setup.Cpu.CoresBusy = 0.5;
        var dip = Run(setup, TimeSpan.FromSeconds(0.25), "openai");
        setup.Cpu.CoresBusy = 1.0;

        // Judged at the end of the dip, the window opens the next one to one sample in 16; busy again after it.
        var after = Run(setup, TimeSpan.FromSeconds(0.75), "openai");

        Assert.InRange(dip["openai"] + after["openai"], 1, 1 + (25 / 16) + 1);
    }

    [Fact]
    public void BusyProcess_AfterAPause_StaysBusyUntilTheNewLoadIsMeasured()
    {
        var setup = Create(1.0, 1.0, 0.9);
        Run(setup, TimeSpan.FromSeconds(3), "openai");
        Pause(setup, TimeSpan.FromSeconds(5));

        // The window since the last sample is mostly idle; judged, it would let the first quarter second of the
        // burst through (25 samples). Instead the gate stays shut: the floor's one, then one at the next second.
        var burst = Run(setup, TimeSpan.FromSeconds(1.5), "openai");

        Assert.Equal(2, burst["openai"]);
    }

    [Fact]
    public void CalmProcess_AfterAPause_AdmitsEverySample()
    {
        var setup = Create(0.3, 1.0, 0.9);
        Run(setup, TimeSpan.FromSeconds(3), "openai");
        Pause(setup, TimeSpan.FromSeconds(5));

        Assert.Equal(300, Run(setup, TimeSpan.FromSeconds(3), "openai")["openai"]);
    }

    [Fact]
    public void BusyProcess_WithSamplesSlowerThanOneASecond_AdmitsEach()
    {
        var setup = Create(1.0, 1.0, 0.9);
        Run(setup, TimeSpan.FromSeconds(3), "openai");

        var admitted = 0;
        for (var i = 0; i < 10; i++)
        {
            setup.Cpu.Advance(TimeSpan.FromSeconds(1.5));
            setup.Time.Advance(TimeSpan.FromSeconds(1.5));
            admitted += setup.Gate.TryAdmit("openai", setup.Limit) ? 1 : 0;
        }

        Assert.Equal(10, admitted);
    }

    [Theory]
    [InlineData("max 100000", null)]
    [InlineData("50000 100000\n", 0.5)]
    [InlineData("250000 100000", 2.5)]
    [InlineData("garbage", null)]
    public void CpuMax_IsReadAsCores(string text, double? cores) => Assert.Equal(cores, CgroupCpuQuota.ParseCpuMax(text));

    [Theory]
    [InlineData("-1\n", "100000\n", null)]
    [InlineData("50000\n", "100000\n", 0.5)]
    [InlineData("5000", "10000", 0.5)]
    [InlineData("200000", "100000", 2.0)]
    public void CfsQuota_IsReadAsCores(string quota, string period, double? cores) => Assert.Equal(cores, CgroupCpuQuota.ParseCfs(quota, period));

    /// <summary>One sampled request per route every 10 ms of simulated time, the CPU clock advancing with it.</summary>
    private static Dictionary<string, int> Run(Headroom setup, TimeSpan duration, params string[] routes)
    {
        var admitted = routes.ToDictionary(r => r, _ => 0);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += Tick)
        {
            foreach (var route in routes)
            {
                admitted[route] += setup.Gate.TryAdmit(route, setup.Limit) ? 1 : 0;
            }

            setup.Cpu.Advance(Tick);
            setup.Time.Advance(Tick);
        }

        return admitted;
    }

    /// <summary>No sampled request for <paramref name="duration"/>, the process idle.</summary>
    private static void Pause(Headroom setup, TimeSpan duration)
    {
        var busy = setup.Cpu.CoresBusy;
        setup.Cpu.CoresBusy = 0;
        setup.Cpu.Advance(duration);
        setup.Time.Advance(duration);
        setup.Cpu.CoresBusy = busy;
    }

    private static Headroom Create(double coresBusy, double allowedCores, double limit)
    {
        var time = new FakeTimeProvider();
        var cpu = new SimulatedCpu { CoresBusy = coresBusy, AllowedCores = allowedCores };
        return new Headroom(new CpuHeadroom(cpu, time), cpu, time, limit);
    }

    private sealed record Headroom(CpuHeadroom Gate, SimulatedCpu Cpu, FakeTimeProvider Time, double Limit);

    private sealed class SimulatedCpu : IProcessCpu
    {
        public double CoresBusy { get; set; }

        public TimeSpan UsedTime { get; private set; }

        public double AllowedCores { get; init; }

        public void Advance(TimeSpan wall) => UsedTime += wall * CoresBusy;
    }
}
