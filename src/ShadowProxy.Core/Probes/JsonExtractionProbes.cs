using System.Globalization;
using System.Text.Json;

namespace ShadowProxy.Core.Probes;

/// <summary>Extract a name and an age from one sentence into JSON that must fit a closed schema.</summary>
internal static class JsonExtractionProbes
{
    public const string Schema =
        """{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"],"additionalProperties":false}""";

    private const int MinAge = 18;
    private const int MaxAge = 90;

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Aiko", "Olusegun", "Priya", "Lukas", "Sofia", "Mateo", "Chloe", "Hamid",
        "Ingrid", "Kwame", "Elena", "Tomasz", "Mei", "Rafael",
    ];

    private static readonly string[] LastNames =
    [
        "Lopez", "Okafor", "Tanaka", "Novak", "Sharma", "Becker", "Rossi", "Silva", "Dubois", "Karimi",
        "Lindqvist", "Mensah", "Petrova", "Kowalski", "Chen", "Moreau",
    ];

    public static ProbeTask Create(Random random)
    {
        var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        var age = random.Next(MinAge, MaxAge + 1);
        return new ProbeTask
        {
            Id = ProbeSuites.TaskId(
                ProbeSuiteKind.JsonSchema,
                string.Create(CultureInfo.InvariantCulture, $"{name.Replace(' ', '-').ToLowerInvariant()}-{age}")),
            Suite = ProbeSuiteKind.JsonSchema,
            Prompt = string.Create(CultureInfo.InvariantCulture, $"Extract the person's name and age: '{name} is {age} years old.'"),
            ExpectedAnswer = ExpectedJson(name, age),
            JsonSchemaText = Schema,
        };
    }

    private static string ExpectedJson(string name, int age)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("age", age);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
