// Usage: node langchain-client.mjs <baseURL>. Prints one JSON line describing what LangChain's ChatOpenAI received.
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';

const model = new ChatOpenAI({ model: 'gpt-4o', apiKey: 'sk-langchain-client-test', configuration: { baseURL: process.argv[2] }, maxRetries: 0 });
const question = 'Is 7919 a prime number? Think step by step and then answer [Yes] or [No].';

const plain = await model.invoke(question);
let streamText = '';
for await (const chunk of await model.stream(question)) streamText += chunk.content;

const withTools = model.bindTools([{
  type: 'function',
  function: { name: 'get_weather', description: 'The current weather in a city.', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
}]);
const toolMessage = await withTools.invoke('What is the weather in Paris?');
const extracted = await model.withStructuredOutput(z.object({ name: z.string(), age: z.number() }), { name: 'person' })
  .invoke('Extract the person: Marie Curie was 66 when she died.');

console.log(JSON.stringify({
  plainText: plain.content,
  streamText,
  toolName: toolMessage.tool_calls?.[0]?.name ?? null,
  toolArgs: toolMessage.tool_calls?.[0]?.args ?? null,
  objectKeys: Object.keys(extracted).sort(),
}));
