// One streamed and one plain request with the official OpenAI JS SDK, base URL from argv[2].
import OpenAI from 'openai'

const client = new OpenAI({ baseURL: process.argv[2], apiKey: 'sk-test-openai-js-000000000000' })
const messages = [{ role: 'user', content: 'Say hello.' }]
await client.chat.completions.create({ model: 'mimo-v2.5-pro', messages })
const stream = await client.chat.completions.create({ model: 'mimo-v2.5-pro', messages, stream: true })
for await (const _ of stream);
