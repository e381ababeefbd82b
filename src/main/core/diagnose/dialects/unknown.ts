// Other endpoints: error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const UNKNOWN_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'compat.block-missing-field',
    kind: 'error',
    provider: 'unknown',
    wording: "TYPE block missing required 'FIELD' field",
    pattern: /(\w+) block missing required '(\w+)' field/i,
    locates: ['message', 'block', 'part-type'],
    part: { group: 1, missingGroup: 2 },
    sample: "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"tool_use block missing required 'name' field\"},\"request_id\":\"req_74f01218c6e6ff5a4df1edd5\"}",
    source: 'ollama/ollama#15815',
    note: 'An Anthropic-compatible endpoint (Ollama cloud serving Kimi): the first block of that type without the field.'
  }
]
