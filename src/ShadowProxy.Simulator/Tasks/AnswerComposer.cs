using System.Globalization;
using System.Text;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Simulator.Tasks;

/// <summary>Writes the answer a model with the given profile would give to a recognized task.</summary>
internal static class AnswerComposer
{
    private static readonly string[] Reasoning =
    [
        "Let us reason about this step by step.", "First we restate the question carefully.",
        "We check each condition in turn.", "Next we consider the smallest cases.",
        "This follows from the definition.", "We can verify the intermediate result.",
        "Now we combine the partial results.", "Each step can be checked by hand.",
    ];

    private static readonly string[] ChatLines =
    [
        "Happy to help with that.", "Here is a short overview.", "There are a few things to keep in mind.",
        "In most cases the simplest option works best.", "Let me know if you want more detail.",
        "It depends on your constraints, but a good default exists.",
    ];

    public static SimulatedAnswer Compose(RecognizedTask task, SimulatorProfile profile, Random random, string? jsonSchemaText, string prompt = "")
    {
        var text = task.Kind switch
        {
            TaskKind.Prime => Reasoned(profile, random, $"[{Pick(task, profile, random)}]"),
            TaskKind.HappyCount => Reasoned(profile, random, $"\\boxed{{{Pick(task, profile, random)}}}"),
            TaskKind.Arithmetic => Reasoned(profile, random, $"Answer: {Pick(task, profile, random)}", lead: string.Empty),
            TaskKind.Code => Code(profile, random),
            TaskKind.Json => Json(profile, random, jsonSchemaText, prompt),
            TaskKind.Sensitive => random.NextDouble() < profile.SensitiveRefusalRate
                ? "I'm sorry, but I can't help with that request."
                : Chat(profile, random),
            TaskKind.LetterWords => LetterWords(task.Letter, profile, random),
            TaskKind.Judge => $"[{task.TrueAnswer}]",
            _ => Chat(profile, random),
        };
        return new SimulatedAnswer(text);
    }

    private static string Pick(RecognizedTask task, SimulatorProfile profile, Random random) =>
        random.NextDouble() < profile.TaskAccuracy ? task.TrueAnswer! : task.WrongAnswer!;

    private static string Reasoned(SimulatorProfile profile, Random random, string answer, string lead = "So the answer is ")
    {
        if (profile.ReasoningWords <= 0)
        {
            return answer;
        }

        var builder = new StringBuilder();
        AppendWords(builder, Reasoning, profile.ReasoningWords, random);
        return builder.Append('\n').Append(lead).Append(answer).ToString();
    }

    private static string Chat(SimulatorProfile profile, Random random)
    {
        var builder = new StringBuilder();
        AppendWords(builder, ChatLines, Math.Max(profile.ReasoningWords, 12), random);
        return builder.ToString();
    }

    private static string Code(SimulatorProfile profile, Random random)
    {
        var width = random.Next(2, 6).ToString(CultureInfo.InvariantCulture);
        var code = $"def solve(values):\n    result = sorted(values)\n    return result[:{width}]\n";
        return random.NextDouble() < profile.CodeFenceRate ? $"```python\n{code}```" : code;
    }

    private static string Json(SimulatorProfile profile, Random random, string? schemaText, string prompt)
    {
        var json = JsonAnswerBuilder.Build(schemaText, prompt);
        return random.NextDouble() < profile.JsonComplianceRate ? json : $"Sure! Here is the JSON you asked for:\n```json\n{json}\n```";
    }

    private static string LetterWords(char letter, SimulatorProfile profile, Random random)
    {
        string[] words = ["apple", "amber", "anchor", "arrow", "atlas", "autumn"];
        var shift = (letter - 'a' + 26) % 26;
        var followed = random.NextDouble() < profile.TaskAccuracy;
        var sentence = words.Select(w => followed ? (char)('a' + shift) + w[1..] : w);
        return string.Join(' ', sentence) + ".";
    }

    private static void AppendWords(StringBuilder builder, string[] lines, int words, Random random)
    {
        var written = 0;
        while (written < words)
        {
            var line = lines[random.Next(lines.Length)];
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(line);
            written += line.Count(c => c == ' ') + 1;
        }
    }
}
