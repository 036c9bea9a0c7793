using System.Globalization;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>POST /v1/chat/completions and /v1/completions, as JSON or as an SSE stream.</summary>
internal sealed class CompletionEndpoint(SimulatorState state)
{
    public async Task HandleAsync(HttpContext context, bool legacy)
    {
        var body = await RequestBody.ReadAsync(context);
        var request = SimRequest.TryParse(body);
        state.Journal.Add(RequestBody.ToJournal(context, body, request?.Model, state.TimeProvider));
        if (request is null)
        {
            await ErrorResponses.WriteAsync(context, 400, "invalid_request_error", "We could not parse the JSON body of your request.");
            return;
        }

        var profile = state.Profile;
        var random = state.RandomFor(request.Prompt);
        var fault = FaultResponder.Pick(profile.Faults, random);
        if (await FaultResponder.TryRespondAsync(context, fault, state.TimeProvider, random))
        {
            return;
        }

        if (!TryAnswer(request, profile, random, out var text))
        {
            await ErrorResponses.WriteAsync(context, 404, "invalid_request_error", "The replay has no recorded generation for this prompt.", "replay_miss");
            return;
        }

        var pieces = AnswerTokens.Split(text, request.MaxTokens, out var truncated);
        var usage = new TokenUsage(AnswerTokens.EstimatePromptTokens(request.Prompt), pieces.Count);
        var envelope = new ResponseEnvelope(
            (legacy ? "cmpl-" : "chatcmpl-") + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
            state.TimeProvider.GetUtcNow().ToUnixTimeSeconds(), profile.Model, profile.SystemFingerprint, legacy);
        var reply = new CompletionReply(envelope, pieces, truncated ? "length" : "stop", usage, profile, fault == FaultKind.CutStream, fault == FaultKind.StallStream);

        await (request.Stream
            ? CompletionStreamWriter.WriteAsync(context, reply, request.IncludeUsage, state.TimeProvider)
            : CompletionStreamWriter.WriteWholeAsync(context, reply, state.TimeProvider));
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
