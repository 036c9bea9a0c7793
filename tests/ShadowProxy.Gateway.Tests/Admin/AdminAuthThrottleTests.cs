using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Admin;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>Failed bearer tokens and logins are throttled per address; probes, metrics and live sessions are not.</summary>
public sealed class AdminAuthThrottleTests
{
    private static readonly TimeSpan PastTheWindow = AdminAuthThrottle.Window + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task WrongBearerBurst_Gets429WithRetryAfter_AndTheRightTokenWaitsForTheWindow()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time);
        using var guesser = gateway.Bearer("not-the-admin-token-0000000000");
        using var owner = gateway.Bearer(AdminGateway.Token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 30; i++)
        {
            last?.Dispose();
            last = await guesser.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        using var throttled = await owner.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        time.Advance(PastTheWindow);
        using var afterWindow = await owner.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, AdminAuthThrottle.FailureLimit), statuses.Take(AdminAuthThrottle.FailureLimit));
        Assert.All(statuses.Skip(AdminAuthThrottle.FailureLimit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(AdminAuthThrottle.Window, last!.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task WrongLoginBurst_Gets429_AndTheRightTokenSignsInOnlyAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time);
        using var browser = gateway.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var wrong = await browser.LoginAsync($"wrong-guess-number-{i:D4}-padding");
            statuses.Add(wrong.StatusCode);
        }

        using var throttled = await browser.LoginAsync(AdminGateway.Token);
        time.Advance(TimeSpan.FromSeconds(30));
        using var stillThrottled = await browser.LoginAsync(AdminGateway.Token);
        time.Advance(TimeSpan.FromSeconds(31));
        using var signedIn = await browser.LoginAsync(AdminGateway.Token);

        Assert.Equal(AdminAuthThrottle.FailureLimit, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(30 - AdminAuthThrottle.FailureLimit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillThrottled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), stillThrottled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.False(stillThrottled.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task RealBurst_IsCutOffAfterTheLimit()
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var guesser = gateway.Bearer("not-the-admin-token-0000000000");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var response = await guesser.GetAsync("admin/api/pairs", TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.Equal(AdminAuthThrottle.FailureLimit, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(30 - AdminAuthThrottle.FailureLimit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task WhileThrottled_ProbesMetricsAndSignedInBrowsersKeepWorking()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time);
        using var browser = gateway.Browser();
        using var login = await browser.LoginAsync(AdminGateway.Token);
        using var guesser = gateway.Bearer("not-the-admin-token-0000000000");
        for (var i = 0; i <= AdminAuthThrottle.FailureLimit; i++)
        {
            using var _ = await guesser.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        }

        using var throttled = await guesser.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        using var page = await browser.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        using var open = gateway.AdminClient();
        var probes = await Task.WhenAll(new[] { "healthz", "readyz", "metrics" }.Select(async path =>
        {
            using var response = await open.GetAsync(path, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.All(probes, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public void ManyAddresses_KeepTheTableBounded_AndEachAddressIsCountedOnItsOwn()
    {
        var time = new FakeTimeProvider();
        var throttle = new AdminAuthThrottle(time, NullLogger<AdminAuthThrottle>.Instance);
        var attacker = IPAddress.Parse("192.0.2.1");
        for (var i = 0; i < AdminAuthThrottle.FailureLimit; i++)
        {
            throttle.RecordFailure(attacker, out _);
        }

        for (var i = 0; i < 3 * AdminAuthThrottle.MaxTrackedAddresses; i++)
        {
            throttle.RecordFailure(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)), out _);
        }

        Assert.InRange(throttle.TrackedAddresses, 1, AdminAuthThrottle.MaxTrackedAddresses);
        Assert.False(throttle.IsThrottled(IPAddress.Parse("198.51.100.7"), out _));
        time.Advance(PastTheWindow);
        throttle.RecordFailure(IPAddress.Parse("198.51.100.8"), out _);
        Assert.Equal(1, throttle.TrackedAddresses);
    }

    [Fact]
    public void Ipv6Addresses_InOneSlash64_ShareACounter()
    {
        var throttle = new AdminAuthThrottle(new FakeTimeProvider(), NullLogger<AdminAuthThrottle>.Instance);
        for (var i = 0; i < AdminAuthThrottle.FailureLimit; i++)
        {
            throttle.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"), out _);
        }

        Assert.True(throttle.IsThrottled(IPAddress.Parse("2001:db8:1:2:ffff::1"), out var retryAfter));
        Assert.Equal(AdminAuthThrottle.Window, retryAfter);
        Assert.False(throttle.IsThrottled(IPAddress.Parse("2001:db8:1:3::1"), out _));
        Assert.False(throttle.IsThrottled(IPAddress.Loopback, out _));
    }
}
