// One tool turn (thinking + text + tool_use) and the requests that ask for it, in both formats: what the
// byte-for-byte SDK tests send through the reverse and the forward proxy.
import type { ScriptedTurn } from '../emulator/server'

export const WEATHER_TURN: ScriptedTurn = {
  thinking: 'The user wants the weather; call the tool.',
  text: 'Let me check.',
  toolCalls: [{ id: 'toolu_fixed01', name: 'get_weather', input: { city: 'Beijing', unit: 'c' } }],
  usage: { input: 42, output: 17, reasoning: 9 }
}

export const anthropicWeatherRequest = {
  model: 'mimo-v2.5-pro',
  max_tokens: 512,
  messages: [{ role: 'user' as const, content: 'Weather in Beijing?' }],
  tools: [{ name: 'get_weather', description: 'weather', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } }]
}

export const openaiWeatherRequest = {
  model: 'mimo-v2.5',
  messages: [{ role: 'user' as const, content: 'Weather in Beijing?' }],
  tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]
}
