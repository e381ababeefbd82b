// A repro bundle: request.json (minimal or original), request.original.json, response.json, curl.sh,
// repro.mjs, README.md and conversation.har. Every file passes through the scrubber.
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import type { BundleExchange, BundleInput } from './bundle-input'
import { harOf } from './har'
import { bundleReadme } from './readme'
import { curlScript, nodeScript, target } from './scripts'
import { scrub, scrubHeaders, scrubUrl } from './scrub'

export type BundleFiles = Record<string, string>

function scrubbed(e: BundleExchange): BundleExchange {
  return {
    ...e,
    url: scrubUrl(e.url),
    requestHeaders: scrubHeaders(e.requestHeaders),
    requestBody: scrub(e.requestBody),
    agentBody: e.agentBody ? scrub(e.agentBody) : null,
    response: e.response ? { ...e.response, headers: scrubHeaders(e.response.headers), body: scrub(e.response.body) } : null
  }
}

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2) + '\n'
  } catch {
    return null
  }
}

function bodyValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function buildBundle(input: BundleInput): BundleFiles {
  const e = scrubbed(input.exchange)
  // The minimal request exactly as the minimizer sent it (its bytes were proven to fail); a pretty copy beside it.
  const request = input.minimalBody !== null ? scrub(input.minimalBody) : e.requestBody
  const t = target(e.url, e.method, e.requestHeaders)
  const summary = `Repro of ${e.response ? `HTTP ${e.response.status}` : 'a request'} from ${t.origin}${t.path}`
  const har = harOf(input.conversation.map(scrubbed), input.toolVersion, { focusId: e.id ?? null, capBytes: input.harCapBytes })
  const pretty = input.minimalBody !== null ? prettyJson(request) : null
  const files: BundleFiles = {
    'request.json': request,
    ...(pretty !== null ? { 'request.pretty.json': pretty } : {}),
    'request.original.json': e.requestBody,
    ...(e.agentBody ? { 'request.agent.json': e.agentBody } : {}),
    'response.json': JSON.stringify(e.response ? { status: e.response.status, headers: Object.fromEntries(e.response.headers), body: bodyValue(e.response.body) } : null, null, 2) + '\n',
    'curl.sh': curlScript(t, summary),
    'repro.mjs': nodeScript(t, summary),
    'README.md': bundleReadme({ ...input, exchange: e }, t, { original: Buffer.byteLength(e.requestBody), minimal: Buffer.byteLength(request), agent: e.agentBody ? Buffer.byteLength(e.agentBody) : null }, har.summary),
    'conversation.har': JSON.stringify(har.har, null, 2) + '\n'
  }
  // The last line of defence: nothing leaves with a key in it, whatever file it is in.
  for (const name of Object.keys(files)) files[name] = scrub(files[name])
  return files
}

export function zipBundle(files: BundleFiles, folder = 'repro'): Uint8Array {
  const entries: Zippable = {}
  for (const [name, text] of Object.entries(files)) entries[`${folder}/${name}`] = new Uint8Array(Buffer.from(text, 'utf8'))
  return zipSync(entries, { level: 6 })
}

export function writeBundle(files: BundleFiles, outDir: string, zip: boolean): string {
  if (zip) {
    mkdirSync(outDir, { recursive: true })
    const path = join(outDir, 'repro.zip')
    writeFileSync(path, zipBundle(files))
    return path
  }
  mkdirSync(outDir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text)
  for (const script of ['curl.sh', 'repro.mjs']) chmodSync(join(outDir, script), 0o755)
  return outDir
}
