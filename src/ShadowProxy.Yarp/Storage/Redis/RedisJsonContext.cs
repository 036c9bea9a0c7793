using System.Text.Json.Serialization;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>Stored evidence: the (already redacted) pair record as JSON.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(PairRecord))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
