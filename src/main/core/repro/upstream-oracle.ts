// The minimizer's oracle against the real endpoint: sends a candidate (not recorded: a minimize run would
// flood the list) and answers with its error fingerprint. Waits out 429/503 within one oracle call, and stops
// the run on 401/402/403, which no smaller request will fix.
import http from 'node:http'
import https from 'node:https'
import type { HeaderList } from '../../../shared/types'
import { agents, type Timeouts } from '../proxy/forward'
import { describeUpstreamError } from '../proxy/upstream-errors'
import type { KeyVault } from '../replay/key-vault'
import { replayHeaders } from '../replay/replay-headers'
import { waitMs } from '../replay/replayer'
import { errorFingerprint, OracleStop } from './minimize'
import { candidateBytes } from './minimize/session'

export interface UpstreamOracleOptions {
  target: URL
  method: string
  recordedHeaders: HeaderList
  keys: KeyVault
  typedKey: string | null
  timeouts: Timeouts
  tls?: https.RequestOptions
  signal?: AbortSignal
  /** First backoff after a 429/503 without Retry-After. */
  baseBackoffMs?: number
  onWait?: (ms: number, status: number) => void
}

const MAX_RETRIES = 4
const STOP: Record<number, string> = {
  401: 'the endpoint answered 401: the key is wrong for this endpoint (a tp- key needs the Token Plan base URL)',
  402: 'the endpoint answered 402: the account has no balance left',
  403: 'the endpoint answered 403: access refused (region or risk control)'
}

export function upstreamOracle(opts: UpstreamOracleOptions): (candidate: Record<string, unknown>) => Promise<{ fingerprint: string }> {
  return async (candidate) => {
    const body = Buffer.from(candidateBytes(candidate), 'utf8')
    const headers = replayHeaders(opts.recordedHeaders, { host: opts.target.host, edited: true, bodyLength: body.length, keys: opts.keys, typedKey: opts.typedKey })
    for (let attempt = 1; ; attempt++) {
      const res = await send(opts, headers, body)
      if (STOP[res.status]) throw new OracleStop(STOP[res.status])
      if ((res.status === 429 || res.status === 503) && attempt <= MAX_RETRIES) {
        const wait = waitMs(res.retryAfter, attempt, opts.baseBackoffMs ?? 1000)
        opts.onWait?.(wait, res.status)
        await sleep(wait, opts.signal)
        continue
      }
      return { fingerprint: errorFingerprint(res.status, res.body, res.contentType) }
    }
  }
}

interface Answer {
  status: number
  body: string
  contentType: string | null
  retryAfter: string | null
}

function send(opts: UpstreamOracleOptions, headers: string[], body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new OracleStop('cancelled'))
    const isHttps = opts.target.protocol === 'https:'
    const req = (isHttps ? https : http).request(opts.target, {
      method: opts.method,
      headers: headers,
      agent: isHttps ? agents.https : agents.http,
      timeout: opts.timeouts.idleMs,
      signal: opts.signal,
      ...(isHttps ? opts.tls : {})
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no data for ${opts.timeouts.idleMs} ms`), { code: 'INSPECTOR_TIMEOUT' })))
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (opts.signal?.aborted) return reject(new OracleStop('cancelled'))
      reject(new OracleStop(describeUpstreamError(err, opts.target).message))
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      // A connection cut after the head must settle the call, or the run (and its lane) would wait forever.
      res.on('error', (err: NodeJS.ErrnoException) => reject(new OracleStop(describeUpstreamError(err, opts.target).message)))
      res.on('close', () => {
        if (!res.complete) reject(new OracleStop(opts.signal?.aborted ? 'cancelled' : `${opts.target.origin} closed the connection before the response was complete`))
      })
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: res.headers['content-type'] ?? null,
          retryAfter: (res.headers['retry-after'] as string | undefined) ?? null
        })
      )
    })
    req.end(body)
  })
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new OracleStop('cancelled'))
    }, { once: true })
  })
}
