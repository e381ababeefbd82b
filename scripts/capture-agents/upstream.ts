// The upstream the real agents talk to: the MiMo emulator, answering each agent's first request with a call to
// its own shell tool (so the next request replays a tool-call turn, where the reasoning pass-back bugs show)
// and everything else with text.
import { startEmulator, type Emulator, type Protocol, type ScriptedTurn } from '../../test/emulator/server'

const SHELL_TOOL = /^(bash|shell|run_shell_command|execute_command|exec_command|run_commands|run_terminal_cmd|terminal|local_shell)$/i

export async function startAgentUpstream(port: number): Promise<Emulator> {
  return startEmulator({ port, reply: chooseTurn })
}

function chooseTurn(protocol: Protocol, body: Record<string, unknown>): ScriptedTurn | undefined {
  const tool = shellTool(body.tools)
  if (!tool || !lastIsUserText(protocol, body.messages)) return { thinking: 'The user asked a question; answer it.', signature: null, text: 'Done.' }
  return {
    // Unsigned, as MiMo's /anthropic thinking is reported to be (lsdefine/GenericAgent PR#357, hermes-agent PR#46681).
    signature: null,
    thinking: 'I should run a command to find out.',
    text: protocol === 'anthropic' ? 'Let me check.' : undefined,
    toolCalls: [{ name: tool.name, input: shellInput(tool) }]
  }
}

interface ToolInfo {
  name: string
  params: Record<string, unknown>
}

function shellTool(tools: unknown): ToolInfo | null {
  if (!Array.isArray(tools)) return null
  for (const t of tools as Array<Record<string, unknown>>) {
    const fn = (t.function ?? t) as Record<string, unknown>
    const name = typeof fn.name === 'string' ? fn.name : ''
    if (SHELL_TOOL.test(name)) {
      const schema = (fn.parameters ?? fn.input_schema ?? {}) as { properties?: Record<string, unknown> }
      return { name, params: schema.properties ?? {} }
    }
  }
  return null
}

/** Fills the tool's own argument names: every agent calls the command field something else. */
function shellInput(tool: ToolInfo): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const key of Object.keys(tool.params)) {
    if (/^(command|cmd)$/i.test(key)) input[key] = key === 'cmd' && tool.name === 'shell' ? ['echo', 'hello'] : 'echo hello'
    else if (key === 'commands') input[key] = ['echo hello']
    else if (/description/i.test(key)) input[key] = 'Print hello'
  }
  if (Object.keys(input).length === 0) input.command = 'echo hello'
  return input
}

function lastIsUserText(protocol: Protocol, messages: unknown): boolean {
  if (!Array.isArray(messages)) return false
  // Claude Code ≥ 2.1.154 appends a role:"system" message after the user's.
  const last = (messages as Array<Record<string, unknown>>).findLast((m) => m.role !== 'system')
  if (!last || last.role !== 'user') return false
  if (protocol === 'openai') return true
  const content = last.content
  return typeof content === 'string' || (Array.isArray(content) && !content.some((b) => (b as { type?: string }).type === 'tool_result'))
}
