using System.Text.Json.Nodes;
using ShadowProxy.Yarp.Shadowing.Translation;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>The common subset of Chat Completions and Anthropic Messages requests, translated both ways; the rest refused.</summary>
public sealed class TranslationTests
{
    [Fact]
    public void ChatRequest_BecomesAMessagesRequest()
    {
        var chat = Json("""
            {"model":"gpt-4o","max_completion_tokens":300,"temperature":0.2,"stop":"END","stream":true,"stream_options":{"include_usage":true},
             "messages":[
               {"role":"system","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"18C, cloudy"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now.","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
             "tool_choice":"required","parallel_tool_calls":false}
            """);

        var messages = ChatToMessages.Translate(chat);

        AssertJson("""
            {"model":"gpt-4o","max_tokens":300,"messages":[{"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]},{"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18C, cloudy"}]}],"system":"Be brief.","temperature":0.2,"stream":true,"stop_sequences":["END"],"tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}},"description":"Weather now."}],"tool_choice":{"type":"any","disable_parallel_tool_use":true}}
            """, messages);
    }

    [Fact]
    public void MessagesRequest_BecomesAChatRequest()
    {
        var messages = Json("""
            {"model":"claude-sonnet-4-5","max_tokens":300,"system":[{"type":"text","text":"Be brief."}],"stop_sequences":["END"],
             "messages":[
               {"role":"user","content":"Weather in Paris?"},
               {"role":"assistant","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"18C"}]}]}],
             "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],
             "tool_choice":{"type":"tool","name":"get_weather"}}
            """);

        var chat = MessagesToChat.Translate(messages);

        AssertJson("""
            {"model":"claude-sonnet-4-5","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"},{"role":"assistant","content":[{"type":"text","text":"Checking."}],"tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"toolu_1","content":"18C"}],"max_completion_tokens":300,"stop":["END"],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}}}
            """, chat);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}""", "response_format")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]}""", "image_url")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"some_new_field":1}""", "some_new_field")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"custom","custom":{"name":"x"}}]}""", "not a function")]
    public void ChatRequests_WithWhatMessagesCannotCarry_AreRefusedNamingIt(string json, string named)
    {
        var error = Assert.Throws<UntranslatableRequestException>(() => ChatToMessages.Translate(Json(json)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"m","max_tokens":9,"messages":[{"role":"user","content":"hi"}],"thinking":{"type":"enabled","budget_tokens":2000}}""", "thinking")]
    [InlineData("""{"model":"m","max_tokens":9,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}}]}]}""", "image")]
    [InlineData("""{"model":"m","max_tokens":9,"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]}""", "client tool")]
    public void MessagesRequests_WithWhatChatCannotCarry_AreRefusedNamingIt(string json, string named)
    {
        var error = Assert.Throws<UntranslatableRequestException>(() => MessagesToChat.Translate(Json(json)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Embeddings", "anthropic")]
    [InlineData("Responses", "anthropic")]
    public void OperationsWithoutACounterpart_AreRefused(string operation, string provider) =>
        Assert.Throws<UntranslatableRequestException>(() => BaselineWire.OperationFor(Enum.Parse<Core.Exchanges.OperationKind>(operation), provider));

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual.ToJsonString());
}
