using System.Diagnostics;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>Whatever the baseline does, the client gets the primary's bytes, on time, without errors.</summary>
public sealed class PrimaryProtectionTests
{
    public static TheoryData<string> BaselineModes => ["slow", "refusing", "server-errors", "stalls-mid-stream", "garbage", "malformed-json"];

    [Theory]
    [MemberData(nameof(BaselineModes))]
    public async Task BadBaseline_LeavesPrimaryBytesAndLatencyUnchanged(string mode)
    {
        await using var setup = await ShadowSetup.StartAsync(Profile(mode), new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:Baseline:Timeout"] = "00:00:01",
        });
        using var client = setup.Gateway.ProxyClient();
        var shadowed = new List<double>();
        var unshadowed = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            // Alternate so both series see the same machine conditions; opt-out requests are the unshadowed control.
            unshadowed.Add(await TimeRequestAsync(client, stream: i % 2 == 0, optOut: true));
            shadowed.Add(await TimeRequestAsync(client, stream: i % 2 == 0, optOut: false));
        }

        await setup.WaitForAccountingAsync();
        var ratio = Median(shadowed) / Median(unshadowed);
        Assert.True(ratio < 1.5, $"median with shadowing {Median(shadowed):F1} ms vs {Median(unshadowed):F1} ms without (ratio {ratio:F2})");
        Assert.Equal(30, setup.Sampled);
        Assert.Equal(0, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
        Assert.Equal(setup.Sampled, setup.Accounting.TotalOutcomes(ShadowSetup.Route));
    }

    private static async Task<double> TimeRequestAsync(HttpClient client, bool stream, bool optOut)
    {
        var body = stream ? """{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""" : """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-test-delay-ms", "15");
        if (optOut)
        {
            request.Headers.Add("x-shadowproxy-shadow", "off");
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.True(response.IsSuccessStatusCode, $"client saw {(int)response.StatusCode}");
        Assert.Equal(stream ? TestUpstream.CannedStream : TestUpstream.CannedChat, bytes);
        return elapsed;
    }

    private static SimulatorProfile? Profile(string mode) => mode switch
    {
        "slow" => BuiltInProfiles.Instant with { TimeToFirstToken = TimeSpan.FromSeconds(3) },
        "refusing" => null,
        "server-errors" => BuiltInProfiles.Instant with { Faults = new FaultProfile { ServerError = 1 } },
        "stalls-mid-stream" => BuiltInProfiles.Instant with { Faults = new FaultProfile { StallStream = 1, Hang = 0 } },
        "garbage" => BuiltInProfiles.Instant with { Faults = new FaultProfile { GarbageBytes = 1 } },
        "malformed-json" => BuiltInProfiles.Instant with { Faults = new FaultProfile { MalformedJson = 1 } },
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
