using System.Text;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

/// <summary>A captured stream that ends with its protocol's terminal event is complete, however the connection ended.</summary>
public sealed class StreamTerminalTests
{
    [Theory]
    [InlineData("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n")]
    [InlineData("data: {\"choices\":[]}\r\n\r\ndata: [DONE]\r\n\r\n")]
    [InlineData("data: {\"choices\":[]}\n\ndata:[DONE]")]
    [InlineData("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")]
    [InlineData("data: {\"type\":\"message_delta\"}\n\ndata: {\"type\":\"message_stop\"}\n\n")]
    [InlineData("event: response.output_item.done\ndata: {}\n\nevent: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":9,\"response\":{\"output\":[]}}\n\n")]
    [InlineData("event: response.incomplete\ndata: {\"type\":\"response.incomplete\"}\n\n")]
    public void EndsWithItsTerminalEvent_IsReached(string stream) =>
        Assert.True(StreamTerminal.Reached(Encoding.UTF8.GetBytes(stream)));

    [Theory]
    [InlineData("")]
    [InlineData("data: {\"choices\":[{\"delta\":{\"content\":\"[DONE]\"}}]}\n\n")]
    [InlineData("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}\n\n")]
    [InlineData("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\nevent: message_start\ndata: {\"type\":\"message_start\"}\n\n")]
    [InlineData("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"response.completed\"}\n\n")]
    [InlineData("data: {\"type\":\"message_stopped\"}\n\n")]
    [InlineData("data: [DONE")]
    public void AnythingElse_IsNot(string stream) =>
        Assert.False(StreamTerminal.Reached(Encoding.UTF8.GetBytes(stream)));
}
