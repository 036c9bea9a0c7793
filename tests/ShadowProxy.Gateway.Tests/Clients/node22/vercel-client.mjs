// Usage: node vercel-client.mjs <baseURL>. Prints one JSON line describing what the Vercel AI SDK received.
import { createOpenAI } from '@ai-sdk/openai';
import { generateObject, generateText, streamText, tool } from 'ai';
import { z } from 'zod';

const openai = createOpenAI({ baseURL: process.argv[2], apiKey: 'sk-vercel-client-test' });
const question = 'Is 7919 a prime number? Think step by step and then answer [Yes] or [No].';
const maxRetries = 0;

// The provider's default model speaks the Responses API; .chat() speaks Chat Completions.
const responses = await generateText({ model: openai('gpt-4o'), prompt: question, maxRetries });
const streamed = streamText({ model: openai('gpt-4o'), prompt: question, maxRetries });
let streamText_ = '';
for await (const delta of streamed.textStream) streamText_ += delta;
const chat = await generateText({ model: openai.chat('gpt-4o'), prompt: question, maxRetries });
const chatStream = streamText({ model: openai.chat('gpt-4o'), prompt: question, maxRetries });
let chatStreamText = '';
for await (const delta of chatStream.textStream) chatStreamText += delta;

const weather = tool({ description: 'The current weather in a city.', inputSchema: z.object({ city: z.string() }) });
const toolCall = await generateText({ model: openai.chat('gpt-4o'), prompt: 'What is the weather in Paris?', tools: { get_weather: weather }, maxRetries });
const extracted = await generateObject({
  model: openai.chat('gpt-4o'), maxRetries,
  schema: z.object({ name: z.string(), age: z.number() }),
  prompt: 'Extract the person: Marie Curie was 66 when she died.',
});

console.log(JSON.stringify({
  responsesText: responses.text,
  responsesFinish: responses.finishReason,
  streamText: streamText_,
  chatText: chat.text,
  chatStreamText,
  toolName: toolCall.toolCalls[0]?.toolName ?? null,
  toolInput: toolCall.toolCalls[0]?.input ?? null,
  objectKeys: Object.keys(extracted.object).sort(),
}));
