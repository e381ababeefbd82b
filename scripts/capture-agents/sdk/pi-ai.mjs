// Drives the pi-ai library (what Craft Agents runs for custom endpoints) through one tool-call turn on the
// Anthropic path: argv[2] is the folder pi-ai is installed in, argv[3] the proxy base URL, argv[4] the package name,
// argv[5] (optional) the model's `compat` as JSON.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [dir, base, pkg, compat] = process.argv.slice(2)
const ai = await import(pathToFileURL(join(dir, 'node_modules', pkg, 'dist/index.js')).href)
const model = {
  id: 'mimo-v2.5-pro',
  name: 'MiMo',
  api: 'anthropic-messages',
  provider: 'custom',
  baseUrl: `${base}/anthropic`,
  reasoning: true,
  input: ['text'],
  cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  contextWindow: 128000,
  maxTokens: 8192,
  ...(compat ? { compat: JSON.parse(compat) } : {})
}
const tools = [{ name: 'bash', description: 'Run a shell command', parameters: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } }]
const context = { systemPrompt: 'You are a helpful agent.', messages: [{ role: 'user', content: 'Run `echo hello`.', timestamp: Date.now() }], tools }
const options = { apiKey: 'sk-test-pi-ai-000000000000', reasoning: 'medium' }
const first = await ai.completeSimple(model, context, options)
context.messages.push(first)
for (const block of first.content) {
  if (block.type === 'toolCall') {
    context.messages.push({ role: 'toolResult', toolCallId: block.id, toolName: block.name, content: [{ type: 'text', text: 'hello' }], isError: false, timestamp: Date.now() })
  }
}
const second = await ai.completeSimple(model, context, options)
console.log(JSON.stringify({ first: first.stopReason, second: second.stopReason, error: second.errorMessage ?? null }))
