using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Core.Replay;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Drift;

/// <summary>
/// Answer-level drift through the real gateway, where length and format stay the same: a primary that calls another
/// function on 60% of requests, and a primary whose code answers are real GPT-4 answers to other prompts (same
/// fences, same length habits). Each has an A/A twin that must stay quiet. Plain and streamed requests.
/// </summary>
public sealed partial class AnswerLevelDriftTests
{
    private const int Requests = 120;
    private const int Waves = 4;
    private static readonly TimeSpan WaveGap = TimeSpan.FromMilliseconds(300);
    private const string Tools = """[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]""";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        [$"Shadowing:Routes:{RecordingSetup.Route}:NoiseReplicateRate"] = "0.5",
        // Short buckets so the requests' waves land in several, and a budget of one false drift an hour keeps short
        // runs decisive.
        ["Drift:BucketDuration"] = "00:00:00.200",
        ["Drift:FalseDriftInterval"] = "01:00:00",
        ["Drift:FalseWarningInterval"] = "00:10:00",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolSwitch_OnSixtyPercent_DriftsOnToolChoice(bool stream)
    {
        var (metrics, switched, detail) = await RunAsync(stream, ToolCalls(primarySwitches: true), ToolCalls(primarySwitches: false), DriftMetricNames.ToolNameDisagreement);

        Assert.Equal("drift", State(metrics, DriftMetricNames.ToolNameDisagreement));
        Assert.Equal(Requests * 6 / 10, switched);
        Assert.Equal((1, 1, false), (detail.GetProperty("tool_calls").GetProperty("primary").GetInt32(), detail.GetProperty("tool_calls").GetProperty("baseline").GetInt32(), detail.GetProperty("tool_calls").GetProperty("names_equal").GetBoolean()));
        Assert.InRange(metrics[DriftMetricNames.ToolNameDisagreement].GetProperty("primary").GetDouble(), 0.45, 0.75);
        Assert.NotEqual("drift", State(metrics, DriftMetricNames.ToolCalled));
        Assert.NotEqual("drift", State(metrics, DriftMetricNames.LengthLogRatio));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolCalls_AA_StayQuietEvenWithReformattedArguments(bool stream)
    {
        var (metrics, _, _) = await RunAsync(stream, ToolCalls(primarySwitches: false), ToolCalls(primarySwitches: false));

        Assert.All(metrics.Values, m => Assert.NotEqual("drift", m.GetProperty("state").GetString()));
        Assert.Equal(0, metrics[DriftMetricNames.ToolArgumentsDisagreement].GetProperty("primary").GetDouble());
        Assert.True(metrics[DriftMetricNames.ToolNameDisagreement].GetProperty("pairs").GetInt64() >= Requests / 2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FreeText_ContentShuffledAtSameLengthAndFormat_DriftsOnSimilarity(bool stream)
    {
        var answers = CodeAnswers();
        var (metrics, _, detail) = await RunAsync(stream, Code(answers, shift: 17), Code(answers, shift: 0));

        Assert.Equal("drift", State(metrics, DriftMetricNames.FreeTextSimilarity));
        Assert.Equal("WholeText", detail.GetProperty("extractor").GetString());
        Assert.NotEqual("drift", State(metrics, DriftMetricNames.CodeFenced));
        var similarity = metrics[DriftMetricNames.FreeTextSimilarity];
        Assert.True(similarity.GetProperty("primary").GetDouble() < similarity.GetProperty("baseline").GetDouble() - 0.3, similarity.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine($"free-text drift seen on {similarity.GetProperty("pairs").GetInt64()} pairs: {similarity}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FreeText_AA_StaysQuiet(bool stream)
    {
        var answers = CodeAnswers();
        var (metrics, _, _) = await RunAsync(stream, Code(answers, shift: 0), Code(answers, shift: 0));

        Assert.All(metrics.Values, m => Assert.NotEqual("drift", m.GetProperty("state").GetString()));
        Assert.True(metrics[DriftMetricNames.FreeTextSimilarity].GetProperty("p_value").ValueKind == JsonValueKind.Number);
    }

    /// <returns>The route's drift metrics; how many stored pairs the explorer's filter <paramref name="filter"/> shows, and the first one's detail.</returns>
    private static async Task<(Dictionary<string, JsonElement> Metrics, long Filtered, JsonElement Detail)> RunAsync(
        bool stream, Func<RecordedRequest, (string?, IReadOnlyList<ChatWire.ToolCall>)> primary, Func<RecordedRequest, (string?, IReadOnlyList<ChatWire.ToolCall>)> baseline,
        string filter = "")
    {
        await using var setup = await RecordingSetup.StartAsync(Settings);
        setup.Primary.Respond = (context, request) => Answer(context, request, primary);
        setup.Baseline.Respond = (context, request) => Answer(context, request, baseline);
        using var client = setup.Gateway.ProxyClient();
        // In waves a bucket apart, as traffic arrives over time: the noise floor is learnt from earlier buckets only.
        for (var wave = 0; wave < Waves; wave++)
        {
            await Parallel.ForAsync(wave * Requests / Waves, (wave + 1) * Requests / Waves, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, async (i, token) =>
            {
                var body = $$"""{"model":"gpt-4o","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Request {{i}}: help me."}],"tools":""" + Tools + "}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request, token);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsStringAsync(token);
            });
            await setup.WaitForAccountingAsync();
            await Task.Delay(WaveGap, TestContext.Current.CancellationToken);
        }

        using var admin = setup.Gateway.AdminClient();
        using var drift = JsonDocument.Parse(await admin.GetStringAsync("admin/api/drift?refresh=true", TestContext.Current.CancellationToken));
        var route = Assert.Single(drift.RootElement.GetProperty("routes").EnumerateArray());
        var metrics = route.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.Clone());
        using var pairs = JsonDocument.Parse(await admin.GetStringAsync($"admin/api/pairs?metric={filter}&page_size=1", TestContext.Current.CancellationToken));
        var items = pairs.RootElement.GetProperty("items");
        var detail = items.GetArrayLength() == 0 ? default
            : JsonDocument.Parse(await admin.GetStringAsync($"admin/api/pairs/{items[0].GetProperty("id").GetString()}", TestContext.Current.CancellationToken)).RootElement.Clone();
        return (metrics, pairs.RootElement.GetProperty("total").GetInt64(), detail);
    }

    private static Task Answer(HttpContext context, RecordedRequest request, Func<RecordedRequest, (string?, IReadOnlyList<ChatWire.ToolCall>)> answer)
    {
        var (content, calls) = answer(request);
        return ChatWire.AnswerAsync(context, request, content, calls);
    }

    private static string State(Dictionary<string, JsonElement> metrics, string name) => metrics[name].GetProperty("state").GetString()!;

    private static int Index(RecordedRequest request) => int.Parse(RequestNumber().Match(request.UserText ?? string.Empty).Groups[1].ValueSpan, provider: null);

    /// <summary>The primary calls get_stock_price instead of get_weather on 60% of requests; arguments differ only in spelling.</summary>
    private static Func<RecordedRequest, (string?, IReadOnlyList<ChatWire.ToolCall>)> ToolCalls(bool primarySwitches) => request =>
    {
        var i = Index(request);
        var isPrimary = request.Model == "gpt-4o";
        var switched = primarySwitches && isPrimary && i % 10 < 6;
        var arguments = isPrimary ? $$"""{"city":"City {{i}}","days":3}""" : $$"""{ "days": 3.0, "city": "City {{i}}" }""";
        return (null, [new ChatWire.ToolCall(switched ? "get_stock_price" : "get_weather", arguments)]);
    };

    /// <summary>Real GPT-4 (March 2023) code answers; the primary answers request i with the answer to prompt i + shift.</summary>
    private static Func<RecordedRequest, (string?, IReadOnlyList<ChatWire.ToolCall>)> Code(List<string> answers, int shift) => request =>
    {
        var i = Index(request);
        var offset = request.Model == "gpt-4o" ? shift : 0;
        return (answers[(i + offset) % answers.Count], []);
    };

    private static List<string> CodeAnswers()
    {
        using var reader = new StreamReader(RepoPaths.RequireLlmDriftFile("LEETCODE_EASY_EVAL.csv"));
        var records = RecordingCsv.Records(reader).ToList();
        var header = records[0];
        int model = Array.IndexOf(header, "model"), answer = Array.IndexOf(header, "answer");
        return [.. records.Skip(1).Where(r => r[model] == "openaichat/gpt-4-0314").Select(r => r[answer])];
    }

    [GeneratedRegex(@"Request (\d+)")]
    private static partial Regex RequestNumber();
}
