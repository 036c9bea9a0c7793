using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>The stored form of a <see cref="KeyMonitor"/>: what replicas share, and the value a save compares against.</summary>
internal static class KeyMonitorJson
{
    public static string Serialize(KeyMonitor monitor) => JsonSerializer.Serialize(monitor, KeyMonitorJsonContext.Default.KeyMonitor);

    public static KeyMonitor Deserialize(string json) =>
        JsonSerializer.Deserialize(json, KeyMonitorJsonContext.Default.KeyMonitor) ?? throw new JsonException("Empty drift monitor state.");
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KeyMonitor))]
internal sealed partial class KeyMonitorJsonContext : JsonSerializerContext;
