/** The editor's starting text: JSON pretty-printed with 2 spaces (as the core prints edits), else the text as is. */
export function prettyBody(text: string): { text: string; isJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), isJson: true }
  } catch {
    return { text, isJson: false }
  }
}

/** A JSON parse error as one line with its place, e.g. "line 12, column 4: Unexpected token". */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text)
    return null
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const at = /position (\d+)/.exec(message)
    if (!at) return message
    const pos = Number(at[1])
    const before = text.slice(0, pos)
    const line = before.split('\n').length
    const column = pos - before.lastIndexOf('\n')
    return `line ${line}, column ${column}: ${message.replace(/\s*(?:at |in JSON at )?position \d+.*$/, '')}`
  }
}
