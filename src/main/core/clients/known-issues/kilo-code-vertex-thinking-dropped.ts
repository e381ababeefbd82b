// Kilo Code (legacy VS Code extension 4.x) loses Claude's thinking on Vertex between tool calls.
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const kiloCodeVertexThinkingDropped: KnownIssue = {
  id: 'kilo-code-vertex-thinking-dropped',
  client: 'Kilo Code',
  versions: { introduced: '4.148.1', lastAffected: '4.149.0', fixedIn: null },
  providers: ['anthropic'],
  rules: ['anthropic.thinking-first-in-tool-turn'],
  problem:
    'Kilo Code sends the assistant tool-call turn to Claude on Vertex without its thinking block, and with thinking on Anthropic rejects a final assistant message that starts with `tool_use`.',
  sources: [issue('Kilo-Org/kilocode', 5219), issue('Kilo-Org/kilocode', 5146)],
  workarounds: [
    { kind: 'repair', fixId: 'restore-thinking' },
    { kind: 'repair', fixId: 'disable-thinking' }
  ],
  verified:
    'Tracker: kilocode#5219 (extension 4.149.0, Vertex, claude-opus-4-5) and #5146 (4.148.1) quote the 400; both were closed with the legacy extension, without a fix release.'
}
