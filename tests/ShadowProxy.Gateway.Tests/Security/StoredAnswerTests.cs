using System.Text;
using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Evidence;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team finding 1: an "answer" extracted from free text is the whole response. Without evidence capture nothing
/// derived from content may be kept beyond hashes, lengths, flags and short labels; with it, answers are redacted
/// (before they are cut) and capped like the texts.
/// </summary>
public sealed class StoredAnswerTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string Card = "4111 1111 1111 1111";
    private const string Key = "sk-live-abcdefghijklmnopqrstuvwxyz0123";

    private static readonly string Planted = $"Write to {Email}, charge {Card}, and use {Key}. ";

    [Fact]
    public async Task CaptureOff_LongAnswerIsKeptAsAHashOnly_AndNoPlantedValueComesBack()
    {
        await using var setup = await RecordingSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();
        var answer = Planted + new string('x', 600_000);

        using var response = await client.SendAsync(MirroringScopeTests.Chat(ChatBody(answer)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var pair = Assert.Single(setup.Pairs.Recent);
        foreach (var stored in (string?[])[pair.Comparison.Primary.Answer, pair.Comparison.Baseline.Answer])
        {
            Assert.NotNull(stored);
            Assert.StartsWith("[sha256:", stored, StringComparison.Ordinal);
            Assert.True(stored.Length <= EvidenceScrubber.MaxLabelChars);
        }

        Assert.Null(pair.PrimaryText);
        await AssertAdminApiHoldsNoPlantedValueAsync(setup, pair.PairId);
    }

    [Fact]
    public async Task CaptureOff_ShortLabelIsKept_ButRedacted()
    {
        await using var setup = await RecordingSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(MirroringScopeTests.Chat(ChatBody(Email)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var pair = Assert.Single(setup.Pairs.Recent);
        Assert.Equal(EvidenceRedactor.Marker, pair.Comparison.Primary.Answer);
        await AssertAdminApiHoldsNoPlantedValueAsync(setup, pair.PairId);
    }

    [Fact]
    public async Task CaptureOn_AnswersAreRedactedThenCapped_EvenASecretCrossingTheCut()
    {
        const int cap = 1_000;
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:CaptureEvidence"] = "true",
            ["Evidence:MaxTextChars"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = setup.Gateway.ProxyClient();

        // The key starts 10 characters before the cut: cutting first would keep "sk-live-ab", which no pattern matches.
        var answer = Planted + new string('y', cap - 11 - Planted.Length) + " " + Key + " " + new string('z', 50_000);

        using var response = await client.SendAsync(MirroringScopeTests.Chat(ChatBody(answer)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var pair = Assert.Single(setup.Pairs.Recent);
        foreach (var stored in (string?[])[pair.Comparison.Primary.Answer, pair.Comparison.Baseline.Answer, pair.PrimaryText, pair.BaselineText, pair.PromptText])
        {
            Assert.NotNull(stored);
            Assert.True(stored.Length <= cap + 1, $"{stored.Length} chars kept");
            Assert.DoesNotContain("sk-live", stored, StringComparison.Ordinal);
            Assert.DoesNotContain(Email, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(Card, stored, StringComparison.Ordinal);
        }

        await AssertAdminApiHoldsNoPlantedValueAsync(setup, pair.PairId);
    }

    private static async Task AssertAdminApiHoldsNoPlantedValueAsync(RecordingSetup setup, string pairId)
    {
        using var admin = setup.Gateway.AdminClient();
        var list = await admin.GetStringAsync("admin/api/pairs?page_size=200", TestContext.Current.CancellationToken);
        var detail = await admin.GetStringAsync($"admin/api/pairs/{pairId}", TestContext.Current.CancellationToken);
        foreach (var body in (string[])[list, detail])
        {
            Assert.True(body.Length < 200_000, $"an admin page of {body.Length} chars");
            foreach (var planted in (string[])[Email, Card, "sk-live"])
            {
                Assert.DoesNotContain(planted, body, StringComparison.Ordinal);
            }
        }
    }

    private static string ChatBody(string userText)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", "gpt-4o");
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", userText);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
