// Usage: node anthropic-client.mjs <baseURL>. Prints one JSON line describing what the official Anthropic client received.
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ baseURL: process.argv[2], apiKey: 'sk-ant-node-client-test', maxRetries: 0 });
const question = 'Is 7919 a prime number? Think step by step and then answer [Yes] or [No].';
const model = 'claude-sonnet-4-5';

const plain = await client.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content: question }] });

const stream = client.messages.stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: question }] });
let events = 0;
stream.on('streamEvent', () => { events += 1; });
const streamed = await stream.finalMessage();

const tools = [{
  name: 'get_weather',
  description: 'The current weather in a city.',
  input_schema: { type: 'object', properties: { city: { type: 'string' }, celsius: { type: 'boolean' } }, required: ['city'] },
}];
const toolUse = await client.messages.create({
  model, max_tokens: 1024, tools, messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
});
const toolStream = await client.messages.stream({
  model, max_tokens: 1024, tools, messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
}).finalMessage();

const counted = await client.messages.countTokens({ model, messages: [{ role: 'user', content: question }] });

const text = (message) => message.content.filter((b) => b.type === 'text').map((b) => b.text).join('');
const toolCall = (message) => message.content.find((b) => b.type === 'tool_use');
console.log(JSON.stringify({
  plainModel: plain.model,
  plainText: text(plain),
  plainStop: plain.stop_reason,
  plainOutputTokens: plain.usage.output_tokens,
  streamText: text(streamed),
  streamStop: streamed.stop_reason,
  events,
  toolName: toolCall(toolUse)?.name ?? null,
  toolInput: toolCall(toolUse)?.input ?? null,
  toolStop: toolUse.stop_reason,
  streamedToolInput: toolCall(toolStream)?.input ?? null,
  inputTokens: counted.input_tokens,
}));
