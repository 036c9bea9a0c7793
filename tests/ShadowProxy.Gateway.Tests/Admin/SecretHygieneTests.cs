using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>Planted secrets never reach storage, API responses, metrics or logs; prompt text never reaches logs.</summary>
[Collection(DriftedGatewayGroup.Name)]
public sealed class SecretHygieneTests(DriftedGatewayFixture fixture)
{
    private static readonly string[] Secrets =
    [
        DriftedGatewayFixture.PlantedSecret, DriftedGatewayFixture.AdminToken, "sk-client-key-for-tests-123456", "sk-baseline-key-for-tests-abcdef", "ada@example.com",
    ];

    [Fact]
    public async Task StoredPair_IsRedactedBeforeStorage()
    {
        var store = fixture.Gateway.Services.GetRequiredService<InMemoryPairStore>();
        var planted = store.Recent.Single(DriftedGatewayFixture.IsPlanted);
        using var admin = fixture.AdminClient();

        var detail = await admin.GetStringAsync($"admin/api/pairs/{planted.PairId}", TestContext.Current.CancellationToken);

        Assert.Contains("[REDACTED]", planted.PromptText, StringComparison.Ordinal);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, planted.PromptText, StringComparison.Ordinal));
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, detail, StringComparison.Ordinal));
        Assert.Contains("[REDACTED]", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsMetricsAndApi_HoldNoSecretAndNoPromptText()
    {
        using var admin = fixture.AdminClient();
        var bodies = new List<string>
        {
            await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken),
            await admin.GetStringAsync("admin/api/drift", TestContext.Current.CancellationToken),
            await admin.GetStringAsync("admin/api/pairs?page_size=200", TestContext.Current.CancellationToken),
            await admin.GetStringAsync("admin/api/models", TestContext.Current.CancellationToken),
        };
        var logs = string.Join('\n', fixture.Logs.Lines);

        Assert.NotEmpty(fixture.Logs.Lines);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
        Assert.DoesNotContain("Is 7919 a prime number", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("happy numbers", logs, StringComparison.Ordinal);
        Assert.All(bodies, body => Assert.All(Secrets, secret => Assert.DoesNotContain(secret, body, StringComparison.Ordinal)));
    }
}
