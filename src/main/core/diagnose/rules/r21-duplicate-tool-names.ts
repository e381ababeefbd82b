// R21: two tools with one name. MiMo: `tools contains duplicate names: <name>`, found only in `param`.
import type { Finding } from '../../../../shared/types'
import { isRecord, str } from '../../protocols/json'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

export function duplicateToolNames(ctx: RuleContext): Finding[] {
  const tools = Array.isArray(ctx.body.tools) ? ctx.body.tools : []
  const seen = new Map<string, number>()
  const out: Finding[] = []
  const severity = severityFor(providerInUse(ctx), ['mimo'])
  tools.forEach((tool, t) => {
    if (!isRecord(tool)) return
    const name = str(isRecord(tool.function) ? tool.function.name : tool.name)
    if (name === null) return
    const first = seen.get(name)
    if (first === undefined) {
      seen.set(name, t)
      return
    }
    out.push(
      finding('mimo.duplicate-tool-names', {
        severity,
        path: ctx.protocol === 'openai' ? `tools[${t}].function.name` : `tools[${t}].name`,
        message: `Tool ${t} is named "${name}" like tool ${first}; MiMo rejects a request whose tools share a name.`,
        fix: 'Send each tool once (drop the duplicate, often a second copy of the same MCP server).',
        fixIds: ['dedupe-tool-names']
      })
    )
  })
  return out
}
