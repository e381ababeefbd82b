// References from a record to its bodies. Format 2: `g<generation>:<object id, base 36>`; ids are only
// meaningful within a generation, so a reference kept across a compaction fails loudly instead of reading
// another body. Format 1 (read-only, legacy-v1.ts): `c:<hash>` (one blob) or `m:<hash>` (a manifest).
export interface BodyRef {
  ref: string
  size: number
}

export function formatRef(generation: number, id: number): string {
  return `g${generation}:${id.toString(36)}`
}

export function parseRef(ref: string): { generation: number; id: number } | null {
  const m = /^g(\d+):([0-9a-z]+)$/.exec(ref)
  return m ? { generation: Number(m[1]), id: parseInt(m[2], 36) } : null
}
