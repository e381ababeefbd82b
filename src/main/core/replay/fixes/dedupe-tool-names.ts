// dedupe-tool-names: MiMo rejects tools sharing a name (R21), usually a second copy of one MCP server; the
// first of each name stays.
import { isRecord, str } from '../../protocols/json'
import type { Fix } from './types'

export const dedupeToolNames: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body) {
    if (!Array.isArray(body.tools)) return []
    const first = new Map<string, number>()
    const changes: string[] = []
    body.tools = body.tools.filter((tool, t) => {
      const name = isRecord(tool) ? str(isRecord(tool.function) ? tool.function.name : tool.name) : null
      if (name === null) return true
      const seen = first.get(name)
      if (seen === undefined) {
        first.set(name, t)
        return true
      }
      changes.push(`tools[${t}]: removed, "${name}" is already tools[${seen}]`)
      return false
    })
    return changes
  }
}
