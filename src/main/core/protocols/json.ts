// Small guards for reading untrusted JSON: bodies come from the wire, so every field may have any type.

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: string }

/** JSON.parse that reports instead of throwing (also catches RangeError on absurd nesting). */
export function safeParse(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}

const MAX_PROBLEMS = 50

/** Collects problems, keeping the list short on pathological input (every event broken in a 5 MB body). */
export class Problems {
  readonly list: string[] = []
  private dropped = 0

  add(problem: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem)
    else this.dropped++
  }

  addAll(problems: readonly string[]): void {
    for (const p of problems) this.add(p)
  }

  done(): string[] {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more problems`] : this.list
  }
}

export function describeException(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
