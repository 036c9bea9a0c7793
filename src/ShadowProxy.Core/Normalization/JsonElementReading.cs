using System.Globalization;
using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Tolerant reads: providers omit, null out or retype fields, and none of that may throw.</summary>
internal static class JsonElementReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { } value ? value.AsText() : null;

    public static int? Int(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : null;

    public static double? Double(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public static bool? Bool(this JsonElement element, string name) =>
        element.Property(name)?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    public static JsonElement.ArrayEnumerator Items(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : default;

    /// <summary>Strings as themselves, numbers and booleans as their JSON text, anything else as raw JSON.</summary>
    public static string AsText(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
