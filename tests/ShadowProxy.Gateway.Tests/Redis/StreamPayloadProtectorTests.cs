using System.Text;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Storage.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class StreamPayloadProtectorTests
{
    private static readonly StreamPayloadProtector Protector = New("a-payload-key-shared-by-the-replicas-0123456789", "prod:");

    [Fact]
    public void Seal_HidesThePlaintext_AndOpenRestoresIt()
    {
        var plaintext = Encoding.UTF8.GetBytes("""{"messages":[{"content":"a secret prompt"}]}""");

        var sealedPayload = Protector.Seal(plaintext);

        Assert.DoesNotContain("secret", Encoding.UTF8.GetString(sealedPayload), StringComparison.Ordinal);
        Assert.NotEqual(sealedPayload, Protector.Seal(plaintext));
        Assert.Equal(plaintext, Protector.Open(sealedPayload));
    }

    [Fact]
    public void Open_RefusesAnyFlippedByte_AnotherKey_AnotherPrefix_AndGarbage()
    {
        var sealedPayload = Protector.Seal("job"u8);

        for (var i = 0; i < sealedPayload.Length; i++)
        {
            var altered = (byte[])sealedPayload.Clone();
            altered[i] ^= 0x20;
            Assert.Null(Protector.Open(altered));
        }

        Assert.Null(New("another-key-of-another-deployment-0123456789", "prod:").Open(sealedPayload));
        Assert.Null(New("a-payload-key-shared-by-the-replicas-0123456789", "staging:").Open(sealedPayload));
        Assert.Null(Protector.Open([]));
        Assert.Null(Protector.Open("plaintext job"u8));
    }

    private static StreamPayloadProtector New(string key, string prefix) => new(Options.Create(new RedisOptions { PayloadKey = key, KeyPrefix = prefix }));
}
