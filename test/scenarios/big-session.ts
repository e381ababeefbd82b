// A Claude-Code-like failing request of about 1 MB: a long system prompt, 60 tools with big schemas and 200
// messages of tool turns, one of whose assistant turns had its thinking replayed as text.
export function bigFailingRequest(messages = 200, culprit = 121): Record<string, unknown> {
  const system = 'You are Claude Code, an agent for software engineering. Follow the instructions carefully. '.repeat(330)
  const tools = Array.from({ length: 60 }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool ${i}: ${'does a useful thing with files and folders. '.repeat(40)}`,
    input_schema: { type: 'object', properties: Object.fromEntries(Array.from({ length: 8 }, (_, p) => [`param_${p}`, { type: 'string', description: 'a parameter '.repeat(20) }])) }
  }))
  const history: unknown[] = [{ role: 'user', content: 'Refactor the project so the tests pass.' }]
  for (let i = 1; history.length < messages; i++) {
    const id = `toolu_${String(i).padStart(4, '0')}`
    const thinking = `Step ${i}: I need to look at the next file before changing it. `.repeat(6)
    const assistantIndex = history.length
    const content =
      assistantIndex === culprit
        ? [{ type: 'text', text: thinking }, { type: 'tool_use', id, name: `tool_${i % 60}`, input: { param_0: `src/file_${i}.ts` } }]
        : [{ type: 'thinking', thinking, signature: '' }, { type: 'tool_use', id, name: `tool_${i % 60}`, input: { param_0: `src/file_${i}.ts` } }]
    history.push({ role: 'assistant', content })
    history.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `contents of file ${i}\n`.repeat(250) }] })
  }
  return { model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system, tools, messages: history.slice(0, messages) }
}
