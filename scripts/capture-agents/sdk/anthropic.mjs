// One streamed and one plain request with the official Anthropic JS SDK, base URL from argv[2].
import Anthropic from '@anthropic-ai/sdk'

const client = new Anthropic({ baseURL: process.argv[2], apiKey: 'sk-test-anthropic-js-000000000000' })
const messages = [{ role: 'user', content: 'Say hello.' }]
await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 256, messages })
const stream = client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 256, messages })
await stream.finalMessage()
