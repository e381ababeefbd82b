// Diagnosis of a long agent session: a generated ~5 MB request of 1,000 messages (thinking + tool turns),
// answered with MiMo's reasoning 400, in both formats. The goal is under 50 ms; the body arrives parsed.
import { diagnose } from '../src/main/core/diagnose/diagnose'

const MESSAGES = 1000
const RUNS = 15
const MIMO_400 = 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}'

const thought = (i: number): string => `Step ${i}: I should read the next file and check how it uses the helper. `.repeat(12)
const output = (i: number): string => `// file ${i}\nexport function helper${i}(value: number): number {\n  return value * ${i}\n}\n`.repeat(102)

export function anthropicSession(): Record<string, unknown> {
  const messages: unknown[] = [{ role: 'user', content: 'Refactor the helpers.' }]
  for (let i = 1; messages.length < MESSAGES; i++) {
    const id = `toolu_${i}`
    // One turn in a hundred lost its thinking (thinking→text), so the rules have something to find.
    const first = i % 100 === 50 ? { type: 'text', text: thought(i) } : { type: 'thinking', thinking: thought(i), signature: '' }
    messages.push({ role: 'assistant', content: [first, { type: 'tool_use', id, name: 'read_file', input: { path: `src/f${i}.ts` } }] })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: output(i) }] })
  }
  messages.length = MESSAGES
  return { model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system: 'You are a coding agent. '.repeat(1250), tools: tools('anthropic'), messages }
}

export function openaiSession(): Record<string, unknown> {
  const messages: unknown[] = [{ role: 'system', content: 'You are a coding agent. '.repeat(1250) }, { role: 'user', content: 'Refactor the helpers.' }]
  for (let i = 1; messages.length < MESSAGES; i++) {
    const id = `call_${i}`
    const reasoning = i % 100 === 50 ? {} : { reasoning_content: thought(i) }
    messages.push({ role: 'assistant', content: '', ...reasoning, tool_calls: [{ id, type: 'function', function: { name: 'read_file', arguments: JSON.stringify({ path: `src/f${i}.ts` }) } }] })
    messages.push({ role: 'tool', tool_call_id: id, content: output(i) })
  }
  messages.length = MESSAGES
  return { model: 'mimo-v2.5-pro', stream: true, tools: tools('openai'), messages }
}

function tools(protocol: 'anthropic' | 'openai'): unknown[] {
  return Array.from({ length: 60 }, (_, i) => {
    const schema = { type: 'object', properties: { path: { type: 'string', description: 'a path '.repeat(10) } } }
    const description = `Tool number ${i}. `.repeat(20)
    return protocol === 'anthropic' ? { name: `tool_${i}`, description, input_schema: schema } : { type: 'function', function: { name: `tool_${i}`, description, parameters: schema } }
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function measure(protocol: 'anthropic' | 'openai', body: Record<string, unknown>): string {
  const text = JSON.stringify(body)
  const times: number[] = []
  const withParse: number[] = []
  let culprit = ''
  for (let r = 0; r < RUNS + 1; r++) {
    const t0 = performance.now()
    const parsed: unknown = JSON.parse(text)
    const t1 = performance.now()
    const d = diagnose({ protocol, body: parsed, status: 400, responseText: MIMO_400, responseContentType: 'text/event-stream' })
    const t2 = performance.now()
    if (r === 0) continue // the first run warms the JIT
    times.push(t2 - t1)
    withParse.push(t2 - t0)
    culprit = d.culprit ? `messages[${d.culprit.messageIndex}] ${d.culprit.rule}` : 'none'
  }
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1)
  const ms = (values: number[]): string => `${median(values).toFixed(1)} ms`
  return `| ${protocol}, ${(body.messages as unknown[]).length} messages, ${mb} MB | ${ms(times)} | ${Math.max(...times).toFixed(1)} ms | ${ms(withParse)} | ${culprit} |`
}

export async function diagnoseBench(): Promise<string> {
  return [
    `| diagnose, MiMo 400 (${RUNS} runs) | median | slowest | median with JSON.parse | culprit |`,
    '| --- | --- | --- | --- | --- |',
    measure('openai', openaiSession()),
    measure('anthropic', anthropicSession())
  ].join('\n')
}
