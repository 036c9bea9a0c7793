using System.Text.Json;

namespace ShadowProxy.Simulator.Tasks;

/// <summary>
/// Builds a JSON answer that fits the request's schema (top-level properties by type) when one is given. Values depend
/// only on the prompt, like an extraction with one right answer, so two samples agree unless a model changes.
/// </summary>
internal static class JsonAnswerBuilder
{
    public static string Build(string? schemaText, string prompt)
    {
        var random = new Random((int)SeededRandom.Hash(prompt));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (TryGetProperties(schemaText, out var document, out var properties))
            {
                using (document)
                {
                    var person = PersonFacts.From(prompt);
                    foreach (var property in properties.EnumerateObject())
                    {
                        WriteValue(writer, property.Name, property.Value, random, person);
                    }
                }
            }
            else
            {
                writer.WriteString("answer", "ok");
                writer.WriteNumber("confidence", Math.Round(random.NextDouble(), 2));
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool TryGetProperties(string? schemaText, out JsonDocument? document, out JsonElement properties)
    {
        document = null;
        properties = default;
        if (schemaText is null)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(schemaText);
            if (document.RootElement.TryGetProperty("properties", out properties) && properties.ValueKind == JsonValueKind.Object)
            {
                return true;
            }
        }
        catch (JsonException)
        {
            // A schema the simulator cannot read gets the generic answer, like a model ignoring it.
        }

        document?.Dispose();
        document = null;
        return false;
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, JsonElement schema, Random random, PersonFacts? person)
    {
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "string";
        if (person is not null && name == "name")
        {
            writer.WriteString(name, person.Name);
            return;
        }

        if (person is not null && name == "age" && type == "integer")
        {
            writer.WriteNumber(name, person.Age);
            return;
        }

        switch (type)
        {
            case "integer":
                writer.WriteNumber(name, random.Next(1, 100));
                break;
            case "number":
                writer.WriteNumber(name, Math.Round(random.NextDouble() * 100, 2));
                break;
            case "boolean":
                writer.WriteBoolean(name, random.Next(2) == 0);
                break;
            case "array":
                writer.WriteStartArray(name);
                writer.WriteStringValue("item");
                writer.WriteEndArray();
                break;
            default:
                writer.WriteString(name, $"{name}-{random.Next(1000)}");
                break;
        }
    }
}
