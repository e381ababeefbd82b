// `npm run demo`: the whole app at work without a MiMo key. Starts the MiMo emulator, the inspector in web
// mode in front of it, and a scripted agent session that ends in MiMo's reasoning 400, as real agents hit it.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { startEmulator } from '../test/emulator/server'

const KEY = 'sk-demo0000000000000000000000000'
const emulator = await startEmulator()
const dataDir = process.env.MIMO_INSPECTOR_DATA_DIR || mkdtempSync(join(tmpdir(), 'mimo-demo-'))
const serve = spawn(process.execPath, ['bin/mimo-inspector.js', 'serve', '--port', process.env.PORT ?? '8787', '--proxy-port', '0', '--upstream', emulator.url, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
let out = ''
serve.stdout.on('data', (d: Buffer) => {
  out += d
  process.stdout.write(d)
})
serve.on('exit', (code) => {
  console.error(`serve exited (${code})`)
  process.exit(code ?? 1)
})
while (!out.includes('Ctrl+C')) await new Promise((r) => setTimeout(r, 50))
const proxy = /Proxy:\s+(http:\/\/\S+)/.exec(out)![1]
console.log(`\nDemo: MiMo emulator at ${emulator.url}; data in ${dataDir}. Running a short agent session…\n`)

emulator.setChunkDelay(40)
const tools = [{ name: 'read_file', description: 'Read a file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } }]
const anthropic = new Anthropic({ baseURL: `${proxy}/anthropic`, apiKey: KEY, maxRetries: 0 })
const user = { role: 'user' as const, content: 'What does README.md say?' }

// Turn 1: thinking + tool_use.
emulator.script({ thinking: 'I should read README.md first.', text: 'Reading the README.', toolCalls: [{ name: 'read_file', input: { path: 'README.md' } }] })
const first = await anthropic.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 2048, tools, messages: [user] }).finalMessage()
const toolUse = first.content.find((b) => b.type === 'tool_use')!
const result = { role: 'user' as const, content: [{ type: 'tool_result' as const, tool_use_id: toolUse.id, content: '# Demo\nA sample project.' }] }

// Turn 2: the agent replays the history faithfully (thinking kept): 200.
emulator.script({ thinking: 'The README is short.', text: 'It says: "A sample project."' })
await anthropic.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 2048, tools, messages: [user, { role: 'assistant', content: first.content }, result] }).finalMessage()

// Turn 3: a buggy agent drops the thinking block when it replays the history: MiMo answers 400.
const withoutThinking = first.content.filter((b) => b.type !== 'thinking')
await anthropic.messages
  .stream({ model: 'mimo-v2.5-pro', max_tokens: 2048, tools, messages: [user, { role: 'assistant', content: withoutThinking }, result, { role: 'user', content: 'Thanks, and the license?' }] })
  .finalMessage()
  .catch((err: Error) => console.log(`Turn 3 failed as expected: ${err.message.split('\n')[0]}`))

// The same mistake in OpenAI format: reasoning_content dropped from a tool-call turn.
const openai = new OpenAI({ baseURL: `${proxy}/v1`, apiKey: KEY, maxRetries: 0 })
await openai.chat.completions
  .create({
    model: 'mimo-v2.5',
    stream: true,
    messages: [
      { role: 'user', content: 'List the files' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'ls', arguments: '{"path":"."}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'README.md\nsrc/' },
      { role: 'user', content: 'Open src' }
    ]
  })
  .then(async (s) => {
    for await (const _ of s) void _
  })
  .catch((err: Error) => console.log(`OpenAI turn failed as expected: ${err.message.split('\n')[0]}`))

console.log('\nDone. Open the UI URL above to explore; Ctrl+C stops the demo.')
const stop = (): void => {
  serve.kill('SIGTERM')
  void emulator.close()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
