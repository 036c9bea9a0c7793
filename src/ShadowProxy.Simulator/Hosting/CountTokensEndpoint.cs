using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>Anthropic's <c>POST /v1/messages/count_tokens</c>: the prompt's estimated input tokens.</summary>
internal sealed class CountTokensEndpoint(SimulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context);
        var request = SimRequest.TryParse(body);
        state.Journal.Add(RequestBody.ToJournal(context, body, request?.Model, state.TimeProvider));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(MessagesJson.TokenCount(AnswerTokens.EstimatePromptTokens(request?.Prompt ?? string.Empty)), context.RequestAborted);
    }
}
