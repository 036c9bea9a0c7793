using System.Text.Json.Serialization;
using ShadowProxy.Gateway.Pairs;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>Stored evidence: the (already redacted) pair record as JSON.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(PairRecord))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
