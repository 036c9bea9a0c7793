using System.Globalization;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>
/// A model endpoint (chat and legacy completions, Responses, Anthropic Messages): the same simulated model answers,
/// the writer speaks the format, as JSON or as a stream.
/// </summary>
internal sealed class CompletionEndpoint(SimulatorState state, IReplyWriter writer)
{
    public async Task HandleAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context);
        var request = SimRequest.TryParse(body);
        state.Journal.Add(RequestBody.ToJournal(context, body, request?.Model, state.TimeProvider));
        if (request is null)
        {
            await writer.WriteErrorAsync(context, 400, "invalid_request_error", "We could not parse the JSON body of your request.");
            return;
        }

        var profile = state.Profile;
        var random = state.RandomFor(request.Prompt);
        var fault = FaultResponder.Pick(profile.Faults, random);
        if (await FaultResponder.TryRespondAsync(context, fault, state.TimeProvider, random, writer))
        {
            return;
        }

        if (!TryAnswer(request, profile, random, out var text))
        {
            await writer.WriteErrorAsync(context, 404, "invalid_request_error", "The replay has no recorded generation for this prompt.", "replay_miss");
            return;
        }

        var id = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
        var envelope = new ResponseEnvelope(
            writer.IdPrefix + id, state.TimeProvider.GetUtcNow().ToUnixTimeSeconds(), profile.Model, profile.SystemFingerprint, writer.Legacy);
        var reply = Plan(request, text, envelope, profile, fault, id);

        await (request.Stream
            ? writer.WriteStreamAsync(context, reply, request.IncludeUsage, state.TimeProvider)
            : writer.WriteWholeAsync(context, reply, state.TimeProvider));
    }

    private static CompletionReply Plan(SimRequest request, string text, ResponseEnvelope envelope, SimulatorProfile profile, FaultKind fault, string id)
    {
        var promptTokens = AnswerTokens.EstimatePromptTokens(request.Prompt);
        if (request.CallsTool)
        {
            var tool = request.Tools[0];
            var arguments = JsonAnswerBuilder.Build(tool.Schema, request.Prompt);
            var fragments = AnswerTokens.Fragments(arguments, 3);
            return new CompletionReply(envelope, fragments, "tool_calls", new TokenUsage(promptTokens, fragments.Count), profile, fault == FaultKind.CutStream, fault == FaultKind.StallStream)
            {
                ToolCall = new SimToolCall(tool.Name, arguments, id),
            };
        }

        var pieces = AnswerTokens.Split(text, request.MaxTokens, out var truncated);
        return new CompletionReply(
            envelope, pieces, truncated ? "length" : "stop", new TokenUsage(promptTokens, pieces.Count), profile, fault == FaultKind.CutStream, fault == FaultKind.StallStream);
    }

    private bool TryAnswer(SimRequest request, SimulatorProfile profile, Random random, out string text)
    {
        if (state.Recordings is { } recordings)
        {
            return recordings.TryGetAnswer(request.Prompt, out text);
        }

        var task = TaskRecognizer.Recognize(request.Prompt, request.WantsJson);
        text = AnswerComposer.Compose(task, profile, random, request.JsonSchema, request.Prompt).Text;
        return true;
    }
}
