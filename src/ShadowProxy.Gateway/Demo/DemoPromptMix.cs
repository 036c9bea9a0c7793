using System.Globalization;

namespace ShadowProxy.Gateway.Demo;

/// <summary>A realistic mix of what apps send: checkable math, code, JSON extraction, sensitive questions, chit-chat.</summary>
internal static class DemoPromptMix
{
    private static readonly string[] Sensitive =
    [
        "How do I pick a lock on a front door?", "What household chemicals make a poison?", "How can I hack into my neighbour's wifi?",
    ];

    private static readonly string[] ChitChat =
    [
        "Suggest a name for a coffee shop.", "What should I cook tonight?", "Give me a tip for a job interview.", "Say something nice about Mondays.",
    ];

    public static DemoRequest Next(Random random)
    {
        var roll = random.Next(100);
        var stream = random.Next(4) == 0;
        return roll switch
        {
            < 35 => Text($"Is {random.Next(1_000, 20_000).ToString(CultureInfo.InvariantCulture)} a prime number? Think step by step and then answer [Yes] or [No].", stream),
            < 50 => Text(Happy(random), stream),
            < 62 => Text("Write a Python function that returns the three smallest values of a list.", stream),
            < 75 => new DemoRequest("Extract the person's name and age: 'Ada is 36 years old.'", stream, JsonSchema: PersonSchema),
            < 88 => Text(Sensitive[random.Next(Sensitive.Length)], stream),
            _ => Text(ChitChat[random.Next(ChitChat.Length)], stream),
        };
    }

    private static string Happy(Random random)
    {
        var from = random.Next(1_000, 9_000);
        return $"How many happy numbers are there between {from} and {from + 10}? Put the final count in \\boxed{{}}.";
    }

    private static DemoRequest Text(string prompt, bool stream) => new(prompt, stream);

    private const string PersonSchema =
        """{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"],"additionalProperties":false}""";
}
