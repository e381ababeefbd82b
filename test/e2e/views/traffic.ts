// Real traffic for the view checks and the screenshots: real SDK clients through the proxy to the emulator, the
// sessions the other browser tests use plus a few shapes that stress the layout (a 41 KB tool_use input, a
// long title, a 1 MB failing request to minimize).
import Anthropic from '@anthropic-ai/sdk'
import type { Emulator } from '../../emulator/server'
import { anthropicCraftSession, openaiDroppedReasoningSession, SESSION_KEY, titleRequest } from '../../scenarios/agent-sessions'
import { bigFailingRequest } from '../../scenarios/big-session'
import { WEATHER_TURN } from '../../scenarios/weather-turn'

/** The first user message of each scripted session, which is also its conversation title. */
export const TITLES = {
  craft: 'What is in the src folder and what does main.ts do?',
  openai: 'Which files are in src, and what is in main.ts?',
  longTool:
    'Write the whole configuration loader again with every option documented inline, keep the public API exactly as it is, and make sure the retry settings are read from both the environment and the config file',
  big: 'Refactor the project so the tests pass.',
  weather: 'What is the weather in Beijing?'
}

/** About 41 KB of file content, as an agent's Write tool sends it. */
export function longFileContent(): string {
  const lines: string[] = []
  for (let i = 0; lines.join('\n').length < 41_000; i++)
    lines.push(`export const option${i} = readSetting('option_${i}', { fallback: ${i}, env: 'MIMO_OPTION_${i}' }) // option ${i} of the loader`)
  return lines.join('\n')
}

async function weatherTurn(proxyUrl: string, emulator: Emulator): Promise<void> {
  const client = new Anthropic({ baseURL: `${proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  emulator.script(WEATHER_TURN)
  await client.messages
    .stream({
      model: 'mimo-v2.5-pro',
      max_tokens: 1024,
      tools: [{ name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      messages: [{ role: 'user', content: TITLES.weather }]
    })
    .finalMessage()
}

/** A session whose answer is a Write call with a 41 KB input, then the next turn re-sends it in the history. */
export async function longToolSession(proxyUrl: string, emulator: Emulator): Promise<void> {
  const client = new Anthropic({ baseURL: `${proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  const tools = [{ name: 'write_file', description: 'Write a file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' }, content: { type: 'string' } } } }]
  const user = { role: 'user' as const, content: TITLES.longTool }
  emulator.script({ thinking: 'I will write the loader in one go.', text: 'Writing src/config.ts.', toolCalls: [{ name: 'write_file', input: { path: 'src/config.ts', content: longFileContent() } }] })
  const first = await client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 32000, tools, messages: [user] }).finalMessage()
  const use = first.content.find((b) => b.type === 'tool_use')!
  emulator.script({ thinking: 'Written; now run the tests.', text: 'The loader is written. Running the tests next.' })
  await client.messages
    .stream({
      model: 'mimo-v2.5-pro',
      max_tokens: 32000,
      tools,
      messages: [user, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'Wrote 41 KB to src/config.ts' }] }]
    })
    .finalMessage()
}

/** The 1 MB, 200-message failing request the minimize view works on. */
export async function bigFailing(proxyUrl: string): Promise<void> {
  const res = await fetch(`${proxyUrl}/anthropic/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': SESSION_KEY },
    body: JSON.stringify(bigFailingRequest())
  })
  await res.arrayBuffer()
  if (res.status !== 400) throw new Error(`the big failing request answered ${res.status}, not 400`)
}

export async function driveTraffic(proxyUrl: string, emulator: Emulator): Promise<void> {
  await weatherTurn(proxyUrl, emulator)
  if ((await anthropicCraftSession(proxyUrl, emulator)).status !== 400) throw new Error('the Anthropic session did not end in 400')
  await titleRequest(proxyUrl, emulator)
  if ((await openaiDroppedReasoningSession(proxyUrl, emulator)).status !== 400) throw new Error('the OpenAI session did not end in 400')
  await longToolSession(proxyUrl, emulator)
  await bigFailing(proxyUrl)
}
