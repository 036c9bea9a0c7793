using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenAI;
using OpenAI.Chat;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>
/// samples/ExistingYarpGateway, a YARP app with its own keys, routes and authorization, run as its own process on
/// real Kestrel and driven by the official OpenAI SDK: the library shadows its traffic as the executable would.
/// </summary>
public sealed partial class SampleTests
{
    private const string AppKey = "app-checkout-7f3a";
    private const string OperatorKey = "ops-console-91c2";
    private const string ProviderKey = "sk-provider-held-by-the-gateway";
    private const string BaselineKey = "sk-baseline-for-the-sample";
    private const string PinnedModel = "gpt-pinned-0613";

    [Fact]
    public async Task TheSample_ShadowsTheOpenAiSdksCalls_BehindItsOwnAuthentication()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, ct);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, ct);
        using var sample = ProcessRunner.Start("dotnet", [SampleAssembly(), "--urls", "http://127.0.0.1:0",
            $"--ReverseProxy:Clusters:openai:Destinations:primary:Address={primary.BaseUri}",
            "--Shadowing:Routes:openai:SampleRate=1", "--Shadowing:Routes:openai:NoiseReplicateRate=0",
            $"--Shadowing:Routes:openai:Baseline:Address={baseline.BaseUri}",
            $"--Shadowing:Routes:openai:Baseline:Model={PinnedModel}",
            $"--Shadowing:Routes:openai:Baseline:ApiKey={BaselineKey}"], Path.GetDirectoryName(SampleAssembly())!, out var stdout, out var stderr);
        try
        {
            var root = await ListeningAddressAsync(sample, stdout, stderr);
            var chat = new ChatClient("gpt-4o", new ApiKeyCredential(AppKey), new OpenAIClientOptions { Endpoint = new Uri(root, "v1") });
            for (var i = 0; i < 3; i++)
            {
                ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage($"Is {7919 + (2 * i)} a prime number? Answer [Yes] or [No].")], cancellationToken: ct);
                Assert.Matches(@"\[(Yes|No)\]$", completion.Content[0].Text);
            }

            var streamed = new StringBuilder();
            await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("Is 7927 a prime number? Answer [Yes] or [No].")], new ChatCompletionOptions(), ct))
            {
                streamed.Append(string.Concat(update.ContentUpdate.Select(static p => p.Text)));
            }

            Assert.Matches(@"\[(Yes|No)\]$", streamed.ToString());

            // The host's own authentication refuses a key it does not know, before anything is forwarded or sampled.
            var stranger = new ChatClient("gpt-4o", new ApiKeyCredential("sk-not-an-app-key"), new OpenAIClientOptions { Endpoint = new Uri(root, "v1") });
            var refused = await Assert.ThrowsAsync<ClientResultException>(() => stranger.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: ct));
            Assert.Equal(401, refused.Status);

            // Its transform swapped the app's key for the provider's; the baseline got only its own key and model.
            Assert.Equal(4, primary.Journal.Count);
            Assert.All(primary.Journal.Entries, e => Assert.Equal($"Bearer {ProviderKey}", e.Headers["Authorization"]));
            using var http = new HttpClient { BaseAddress = root };
            var pairs = await Eventually.ValueAsync(async () =>
            {
                var page = JsonNode.Parse(await GetAsync(http, "/shadow/admin/api/pairs", OperatorKey, HttpStatusCode.OK))!;
                return page["total"]!.GetValue<long>() >= 4 ? page : null;
            }, TimeSpan.FromSeconds(30), "4 compared pairs in the sample's explorer API");
            Assert.Equal(4, pairs["total"]!.GetValue<long>());
            Assert.All(pairs["items"]!.AsArray(), p => Assert.Equal(baseline.Profile.Model, p!["baseline_model"]!.GetValue<string>()));
            Assert.Equal(4, baseline.Journal.Count);
            Assert.All(baseline.Journal.Entries, e => Assert.Equal(($"Bearer {BaselineKey}", PinnedModel), (e.Headers["Authorization"], e.Model)));

            // The host's policy guards every admin endpoint it mapped: an application's key is not an operator's.
            await GetAsync(http, "/shadow/admin/api/pairs", AppKey, HttpStatusCode.Forbidden);
            await GetAsync(http, "/shadow/metrics", null, HttpStatusCode.Unauthorized);
            var metrics = await GetAsync(http, "/shadow/metrics", OperatorKey, HttpStatusCode.OK);
            Assert.Matches(OutcomeLine(), metrics);

            // The explorer, its modules and probes below the prefix; the page reads its API relative to itself.
            Assert.Contains("<script type=\"module\"", await GetAsync(http, "/shadow/admin/", OperatorKey, HttpStatusCode.OK), StringComparison.Ordinal);
            await GetAsync(http, "/shadow/admin/api.js", OperatorKey, HttpStatusCode.OK);
            Assert.Equal("/shadow/admin/", await RedirectAsync(root, "/shadow/admin"));
            var ready = JsonNode.Parse(await GetAsync(http, "/shadow/readyz", OperatorKey, HttpStatusCode.OK))!;
            Assert.Equal("ready", ready["status"]!.GetValue<string>());
            Assert.Equal("ok", await http.GetStringAsync("/status", ct));
        }
        finally
        {
            sample.Kill(entireProcessTree: true);
            await sample.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{path} with {key ?? "no key"}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<string?> RedirectAsync(Uri root, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = root };
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey) } };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    private static async Task<Uri> ListeningAddressAsync(System.Diagnostics.Process sample, StringBuilder stdout, StringBuilder stderr)
    {
        var address = await Eventually.ValueAsync(() =>
        {
            string output;
            lock (stdout)
            {
                output = stdout.ToString();
            }

            Assert.False(sample.HasExited, $"the sample exited: {output}{stderr}");
            var match = ListeningLine().Match(output);
            return Task.FromResult(match.Success ? new Uri(match.Groups[1].Value + "/") : null);
        }, TimeSpan.FromSeconds(30), "the sample's 'Now listening on' line");
        return address;
    }

    /// <summary>The sample's own build output, beside this test's configuration (Debug or Release).</summary>
    private static string SampleAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "samples", "ExistingYarpGateway", "bin", configuration, "net10.0", "ExistingYarpGateway.dll");
        Assert.True(File.Exists(path), $"the sample is built with the solution; not found at {path}");
        return path;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex("""shadowproxy_shadow_outcomes_total\{[^}]*outcome="paired"[^}]*\} 4\b""")]
    private static partial Regex OutcomeLine();
}
