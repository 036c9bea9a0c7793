using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisConfigurationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))
            .Append(new("ReverseProxy:Routes:openai:ClusterId", "openai"))
            .Append(new("ReverseProxy:Clusters:openai:Destinations:primary:Address", "http://127.0.0.1:1/"))).Build();

    [Theory]
    [InlineData("gateway")]
    [InlineData("worker")]
    public void SplitRole_WithoutRedis_IsRejectedNamingTheKey(string role)
    {
        var errors = GatewayConfigValidator.Validate(Config(), Enum.Parse<GatewayRole>(role, ignoreCase: true));

        Assert.Contains(errors, e => e.StartsWith("Redis:ConnectionString:", StringComparison.Ordinal) && e.Contains("--role", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("gateway")]
    [InlineData("worker")]
    public void AnyRole_WithRedis_IsAccepted(string role)
    {
        Assert.Empty(GatewayConfigValidator.Validate(
            Config(("Redis:ConnectionString", "127.0.0.1:6379,password=x"), ("Redis:PayloadKey", RedisDeployment.PayloadKey)), Enum.Parse<GatewayRole>(role, ignoreCase: true)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short-a-secret")]
    public void Redis_WithoutALongEnoughPayloadKey_IsRefusedNamingTheKey(string? payloadKey)
    {
        var errors = GatewayConfigValidator.Validate(Config(("Redis:ConnectionString", "127.0.0.1:6379"), ("Redis:PayloadKey", payloadKey)));

        Assert.Contains(errors, e => e.StartsWith("Redis:PayloadKey:", StringComparison.Ordinal) && e.Contains("32", StringComparison.Ordinal));
    }

    [Fact]
    public void BadRedisSettings_AreRejectedNamingEachKey()
    {
        var errors = GatewayConfigValidator.Validate(Config(("Redis:ConnectionString", "127.0.0.1:6379"), ("Redis:KeyPrefix", " "), ("Redis:ClaimIdleAfter", "soon")));

        Assert.Contains(errors, e => e.StartsWith("Redis:KeyPrefix:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Redis:ClaimIdleAfter:", StringComparison.Ordinal));
    }
}
