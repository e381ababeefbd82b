// Loads the exchanges captured from real clients by scripts/capture-agents (test/fixtures/clients/<folder>/NN.json).
import { readdirSync, readFileSync } from 'node:fs'

export interface CapturedExchange {
  capturedFrom: string
  request: { method: string; path: string; headers: Record<string, string>; body: unknown }
  response: { status: number; headers: Record<string, string>; body: unknown } | null
}

const ROOT = new URL('../../fixtures/clients/', import.meta.url)

export function capturedFolders(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

export function captured(folder: string): Array<{ file: string; exchange: CapturedExchange }> {
  const dir = new URL(`${folder}/`, ROOT)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, exchange: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as CapturedExchange }))
}

export function headerList(x: CapturedExchange): Array<[string, string]> {
  return Object.entries(x.request.headers)
}
