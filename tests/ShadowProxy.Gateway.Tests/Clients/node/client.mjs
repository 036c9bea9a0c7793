// Usage: node client.mjs <baseURL>. Prints one JSON line describing what the official client received.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.argv[2], apiKey: 'sk-node-client-test', maxRetries: 0 });
const question = 'Is 7919 a prime number? Think step by step and then answer [Yes] or [No].';

const plain = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: question }],
});

const stream = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: question }],
  stream: true,
  stream_options: { include_usage: true },
});
let streamText = '';
let chunks = 0;
let usage = null;
for await (const chunk of stream) {
  chunks += 1;
  streamText += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) usage = chunk.usage;
}

const embedding = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });

console.log(JSON.stringify({
  plainModel: plain.model,
  plainText: plain.choices[0].message.content,
  plainFinish: plain.choices[0].finish_reason,
  streamText,
  chunks,
  completionTokens: usage?.completion_tokens ?? null,
  embeddingLength: embedding.data[0].embedding.length,
}));
