// The service behind InspectorApi: store + recorder + proxy, wired together. Every adapter (Electron IPC,
// web mode, tests) talks to `handlers` and `events` and nothing else.
import type { RequestOptions } from 'node:https'
import { ApiArgError, type InspectorHandlers } from '../../shared/api'
import type { BodyPart, ExchangeDetail, ExchangeSummary, MitmStatus, Protocol, ProxyStatus, StoreStatus, UpstreamProfile } from '../../shared/types'
import type { ExchangeRecord } from './store/record'
import { headerValue } from './capture/decode'
import { Persister } from './capture/persister'
import { Recorder } from './capture/recorder'
import { redactBody } from './capture/redact'
import { bodyView, streamView, type RawBody } from './body-views'
import { EventHub } from './events'
import { baseUrlVars, envLines } from './proxy/env-lines'
import { DEFAULT_TIMEOUTS, type Timeouts } from './proxy/forward'
import { PortInUseError, ReverseProxy } from './proxy/reverse-proxy'
import { PROFILES, profileFor, resolveUpstream } from './proxy/upstreams'
import { CaError, CaptureListError, DEFAULT_CAPTURE_HOSTS, DEFAULT_MITM_PORT, MitmProxy, parseCaptureList, proxyEnvVars, type MitmProxyOptions } from './proxy/mitm'
import { loadSettings, saveSettings, type Settings } from './settings'
import { Store } from './store/store'
import { Analysis } from './analysis'
import { ConversationList } from './conversation-list'
import { ImportError } from './import/import-entry'
import { parseImport } from './import/parse-import'
import { KeyVault, type KeyStore } from './replay/key-vault'
import { MissingKeyError } from './replay/replay-headers'
import { ReplayError, Replayer } from './replay/replayer'
import { applyEdit, EditError } from './replay/edits'
import { applyFix, FixError } from './replay/fixes'
import { MinimizeError, MinimizeJobs } from './repro/minimize-jobs'
import { buildBundle, zipBundle } from './repro/export/bundle'
import { conversationFromStore, exchangeFromRecord } from './repro/export/from-record'

export const DEFAULT_PROXY_PORT = 8788
export const LOOPBACK = '127.0.0.1'

export interface InspectorOptions {
  dataDir: string
  version: string
  shell: 'electron' | 'web'
  host?: string
  proxyPort?: number
  /** A profile id or URL for this run only (the saved choice is left alone). */
  upstream?: string
  timeouts?: Timeouts
  /** TLS options for upstream connections (tests trust a private CA with it). */
  upstreamTls?: RequestOptions
  /** Where typed keys may be kept encrypted (Electron safeStorage); none in web mode. */
  keyStore?: KeyStore | null
  /** First backoff after a 429/503 during a replay (tests shorten it). */
  replayBackoffMs?: number
  /** Turn on the forward (HTTPS_PROXY) proxy on this port. */
  mitmPort?: number | null
  /** Hosts the forward proxy intercepts; default *.xiaomimimo.com. */
  captureHosts?: string[]
  /** Tests map intercepted names to loopback. */
  mitmResolveUpstream?: MitmProxyOptions['resolveUpstream']
}

export class Inspector {
  readonly events = new EventHub()
  readonly handlers: InspectorHandlers
  readonly store: Store
  readonly recorder: Recorder
  readonly warnings: string[] = []
  private readonly persister: Persister
  readonly conversations: ConversationList
  private readonly analysis: Analysis
  readonly keys: KeyVault
  private readonly replayer: Replayer
  private readonly minimizer: MinimizeJobs
  private readonly proxy: ReverseProxy
  private mitm: MitmProxy | null = null
  private mitmError: string | null = null
  private mitmPort = 0
  private lastClientTlsError: string | null = null
  private upstream: UpstreamProfile
  private settings: Settings
  private proxyError: string | null = null
  private readonly host: string
  private readonly proxyPort: number

  private constructor(private readonly options: InspectorOptions) {
    this.host = options.host ?? LOOPBACK
    this.proxyPort = options.proxyPort ?? DEFAULT_PROXY_PORT
    this.store = Store.open(options.dataDir)
    if (this.store.skippedOnOpen > 0) this.warnings.push(`${this.store.skippedOnOpen} damaged record(s) in the store were skipped (a crash cuts at most the last one)`)
    const loaded = loadSettings(options.dataDir)
    this.settings = loaded.settings
    if (loaded.warning) this.warnings.push(loaded.warning)
    this.upstream = options.upstream ? resolveUpstream(options.upstream) : this.savedUpstream()
    this.conversations = new ConversationList(this.store.records)
    this.analysis = new Analysis(this.store)
    this.persister = new Persister(options.dataDir)
    this.recorder = new Recorder(this.store, this.persister, {
      upserted: (summary) => this.events.emit('exchange:upserted', summary),
      recorded: (record) => {
        const conversation = this.conversations.apply(record)
        if (conversation) this.events.emit('conversation:upserted', conversation)
      },
      storeFailed: () => this.events.emit('store:status', this.storeStatus())
    })
    this.keys = new KeyVault(this.recorder.keyring, options.keyStore ?? null)
    this.replayer = new Replayer(this.store, this.recorder, this.keys, {
      timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
      tls: options.upstreamTls,
      emit: (status) => this.events.emit('replay:status', status),
      baseBackoffMs: options.replayBackoffMs
    })
    this.minimizer = new MinimizeJobs({
      keys: this.keys,
      timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
      tls: options.upstreamTls,
      emit: (status) => this.events.emit('repro:progress', status),
      baseBackoffMs: options.replayBackoffMs
    })
    this.proxy = new ReverseProxy({
      host: this.host,
      port: this.proxyPort,
      recorder: this.recorder,
      upstream: () => this.upstream,
      timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
      tls: options.upstreamTls
    })
    this.handlers = this.makeHandlers()
  }

  /** Opens the store and starts the proxy. A taken port is reported in the status, not thrown. */
  static async start(options: InspectorOptions): Promise<Inspector> {
    const inspector = new Inspector(options)
    try {
      await inspector.proxy.listen()
    } catch (err) {
      if (!(err instanceof PortInUseError)) {
        await inspector.persister.close()
        inspector.store.close()
        throw err
      }
      inspector.proxyError = err.message
    }
    const mitm = options.mitmPort ?? (inspector.settings.mitm?.enabled ? inspector.settings.mitm.port : null)
    if (mitm !== null && mitm !== undefined) await inspector.startMitm(mitm, options.captureHosts ?? inspector.settings.mitm?.captureHosts ?? DEFAULT_CAPTURE_HOSTS)
    return inspector
  }

  get proxyListening(): boolean {
    return this.proxy.port !== null
  }

  get proxyErrorMessage(): string | null {
    return this.proxyError ?? this.mitmError
  }

  async close(): Promise<void> {
    await this.proxy.close()
    await this.mitm?.close()
    // Exchanges that just ended are still being written by the worker.
    await this.persister.close()
    this.store.close()
  }

  proxyStatus(): ProxyStatus {
    const port = this.proxy.port ?? this.proxyPort
    const url = `http://${this.host}:${port}`
    return {
      reverse: { host: this.host, port, listening: this.proxy.port !== null, error: this.proxyError, url },
      mitm: this.mitmStatus(),
      upstream: this.upstream,
      profiles: PROFILES,
      envLines: envLines(baseUrlVars(url))
    }
  }

  /** Starts (or restarts) the forward proxy; a taken port or a broken CA is reported in the status. */
  private async startMitm(port: number, captureHosts: string[]): Promise<void> {
    await this.stopMitm()
    const mitm = new MitmProxy({
      host: this.host,
      port,
      dataDir: this.options.dataDir,
      recorder: this.recorder,
      captureHosts,
      timeouts: this.options.timeouts ?? DEFAULT_TIMEOUTS,
      upstreamTls: this.options.upstreamTls,
      resolveUpstream: this.options.mitmResolveUpstream,
      onClientTlsError: (host, error) => {
        this.lastClientTlsError = `${host}: the client hung up without a request (${error.message}); does it trust ${mitm.caCertPath}?`
        this.events.emit('proxy:status', this.proxyStatus())
      }
    })
    this.mitm = mitm
    this.mitmPort = port
    try {
      await mitm.listen()
    } catch (err) {
      if (!(err instanceof PortInUseError) && !(err instanceof CaError)) throw err
      this.mitmError = err.message
    }
  }

  private async stopMitm(): Promise<void> {
    await this.mitm?.close()
    this.mitm = null
    this.mitmError = null
    this.lastClientTlsError = null
  }

  private mitmStatus(): MitmStatus | null {
    const mitm = this.mitm
    if (!mitm) return null
    const port = mitm.port ?? this.mitmPort
    const url = `http://${this.host}:${port}`
    return {
      host: this.host,
      port,
      listening: mitm.port !== null,
      error: this.mitmError,
      url,
      caPath: mitm.caCertPath,
      bundlePath: mitm.bundlePath,
      captureHosts: mitm.captureHosts,
      envLines: envLines(proxyEnvVars(url, mitm.caCertPath, mitm.bundlePath)),
      lastClientTlsError: this.lastClientTlsError
    }
  }

  storeStatus(): StoreStatus {
    return {
      dataDir: this.options.dataDir,
      exchangeCount: this.store.records.length,
      recording: this.recorder.recording,
      error: this.recorder.lastError
    }
  }

  /** Persisted summaries and in-flight ones, in arrival order. */
  summaries(): ExchangeSummary[] {
    const live = [...this.recorder.unsaved, ...this.recorder.liveSummaries()]
    const stored = this.store.records.map((r) => r.summary)
    if (live.length === 0) return stored
    const liveIds = new Set(live.map((l) => l.id))
    return stored.filter((s) => !liveIds.has(s.id)).concat(live).sort((a, b) => a.seq - b.seq)
  }

  private savedUpstream(): UpstreamProfile {
    try {
      return profileFor(this.settings.upstream.profile, this.settings.upstream.url)
    } catch (err) {
      this.warnings.push(`saved upstream is invalid (${(err as Error).message}); using MiMo pay-as-you-go`)
      return PROFILES[0]
    }
  }

  private requireRecord(id: string): ExchangeRecord {
    const record = this.store.get(id)
    if (!record) throw new ApiArgError(`no recorded exchange ${id}`)
    return record
  }

  private knownProtocol(protocol: Protocol): 'anthropic' | 'openai' {
    if (protocol === 'unknown') throw new ApiArgError('this exchange is not an Anthropic or OpenAI chat request')
    return protocol
  }

  private detail(id: string): ExchangeDetail | null {
    const live = this.recorder.getLive(id)
    if (live) {
      return {
        summary: { ...live.summary },
        request: { headers: live.requestHeaders, contentType: headerValue(live.requestHeaders, 'content-type') },
        response: live.responseHeaders
          ? { headers: live.responseHeaders, contentType: headerValue(live.responseHeaders, 'content-type'), statusMessage: live.statusMessage }
          : null
      }
    }
    const record = this.store.get(id)
    if (!record) return null
    return {
      summary: record.summary,
      request: { headers: record.request.headers, contentType: headerValue(record.request.headers, 'content-type') },
      response: record.response
        ? { headers: record.response.headers, contentType: headerValue(record.response.headers, 'content-type'), statusMessage: record.response.statusMessage }
        : null
    }
  }

  private rawBody(id: string, part: BodyPart): RawBody | null {
    const live = this.recorder.getLive(id)
    if (live) {
      const tee = part === 'request' ? live.request : live.response
      const headers = part === 'request' ? live.requestHeaders : (live.responseHeaders ?? [])
      return { bytes: tee.kept ? redactBody(tee.bytes()) : null, headers, cut: tee.cut }
    }
    const record = this.store.get(id)
    if (!record) return null
    const side = part === 'request' ? record.request : record.response
    if (!side) return { bytes: null, headers: [], cut: false }
    return { bytes: side.body ? this.store.getBody(side.body) : null, headers: side.headers, cut: side.bodyCut }
  }

  private chunkTimes(id: string): number[] | null {
    const live = this.recorder.getLive(id)
    if (live) return live.chunkTimes
    const ref = this.store.get(id)?.response?.chunkTimes
    return ref ? (JSON.parse(this.store.getBody(ref).toString('utf8')) as number[]) : null
  }

  private makeHandlers(): InspectorHandlers {
    return {
      'app:info': async () => ({ version: this.options.version, dataDir: this.options.dataDir, shell: this.options.shell }),
      'exchanges:list': async ({ offset, limit }) => {
        const all = this.summaries()
        return { total: all.length, offset, items: all.slice(offset, offset + limit) }
      },
      'exchanges:get': async ({ id }) => this.detail(id),
      'exchanges:body': async ({ id, part }) => {
        const raw = this.rawBody(id, part)
        if (!raw) throw new Error(`no exchange ${id}`)
        const summary = this.detail(id)!.summary
        return bodyView(id, part, raw, part === 'request' ? summary.requestSize || (raw.bytes?.length ?? 0) : summary.responseSize || (raw.bytes?.length ?? 0))
      },
      'exchanges:stream': async ({ id }) => {
        const detail = this.detail(id)
        const raw = this.rawBody(id, 'response')
        if (!detail || !raw) throw new Error(`no exchange ${id}`)
        const view = bodyView(id, 'response', raw, detail.summary.responseSize)
        return streamView(detail.summary.protocol, view, detail.response?.contentType ?? null, this.chunkTimes(id))
      },
      'exchanges:request-view': async ({ id }) => {
        const record = this.store.get(id)
        return record ? this.analysis.view(record) : null
      },
      'exchanges:diagnose': async ({ id }) => {
        const record = this.store.get(id)
        return record ? this.analysis.diagnosis(record) : null
      },
      'exchanges:turn-diff': async ({ id }) => {
        const record = this.store.get(id)
        const conversationId = record?.summary.conversationId
        return record && conversationId ? this.analysis.turnDiff(record, this.conversations.exchanges(conversationId)) : null
      },
      'conversations:list': async ({ offset, limit }) => {
        const all = this.conversations.all()
        return { total: all.length, offset, items: all.slice(offset, offset + limit) }
      },
      'conversations:get': async ({ id }) => {
        const summary = this.conversations.get(id)
        if (!summary) return null
        const exchanges = this.conversations.exchanges(id)
        return { summary, exchanges, focusId: focusOf(exchanges) }
      },
      'import:file': async ({ name, text }) => {
        let parsed
        try {
          parsed = parseImport(text, name)
        } catch (err) {
          if (err instanceof ImportError) throw new ApiArgError(err.message)
          throw err
        }
        const imported: ExchangeSummary[] = []
        for (const entry of parsed.entries) imported.push(await this.recorder.recordExternal({ ...entry, mode: 'import' }))
        return { imported, skipped: parsed.skipped }
      },
      'replay:apply-fix': async ({ id, fixId, body }) => {
        const record = this.requireRecord(id)
        const protocol = this.knownProtocol(record.summary.protocol)
        const conversation = record.summary.conversationId ? this.conversations.exchanges(record.summary.conversationId) : [record.summary]
        const finding = this.analysis.diagnosis(record)?.findings.find((f) => f.fixIds.includes(fixId))
        return asArgError(() => applyFix(fixId, { protocol, bodyText: body, finding, replies: this.analysis.replies(conversation) }))
      },
      'replay:edit': async ({ id, body, op }) => {
        const record = this.requireRecord(id)
        return asArgError(() => applyEdit(this.knownProtocol(record.summary.protocol), body, op))
      },
      'replay:send': async (req) => asArgError(() => this.replayer.start(req)),
      'replay:cancel': async ({ replayId }) => ({ cancelled: this.replayer.cancel(replayId) }),
      'repro:minimize': async ({ id, mode, budget, target, key }) => {
        const record = this.requireRecord(id)
        return asArgError(() =>
          this.minimizer.start({ record, body: this.analysis.requestJson(record), responseText: this.analysis.responseText(record), diagnosis: this.analysis.diagnosis(record), mode, budget, target, key })
        )
      },
      'repro:cancel': async ({ jobId }) => ({ cancelled: this.minimizer.cancel(jobId) }),
      'repro:export': async ({ id, minimalBody, removed, minimizedBy }) => {
        const record = this.requireRecord(id)
        const members = record.summary.conversationId ? this.conversations.exchanges(record.summary.conversationId) : []
        const files = buildBundle({
          exchange: exchangeFromRecord(this.store, record),
          minimalBody,
          removed,
          minimizedBy,
          diagnosis: this.analysis.diagnosis(record),
          conversation: conversationFromStore(this.store, members, record),
          toolVersion: this.options.version
        })
        const stamp = record.summary.startedAt.replace(/[:.]/g, '-').slice(0, 19)
        return { fileName: `mimo-repro-${stamp}.zip`, zipBase64: Buffer.from(zipBundle(files)).toString('base64'), files: Object.keys(files) }
      },
      'keys:set': async ({ key, remember }) => this.keys.add(key, remember),
      'keys:status': async () => this.keys.status(),
      'proxy:status': async () => this.proxyStatus(),
      'proxy:set-mitm': async ({ enabled, port, captureHosts }) => {
        let hosts: string[]
        try {
          hosts = captureHosts ? parseCaptureList(captureHosts) : (this.mitm?.captureHosts ?? this.settings.mitm?.captureHosts ?? DEFAULT_CAPTURE_HOSTS)
        } catch (err) {
          if (err instanceof CaptureListError) throw new ApiArgError(err.message)
          throw err
        }
        const mitmPort = port ?? this.settings.mitm?.port ?? DEFAULT_MITM_PORT
        if (enabled) await this.startMitm(mitmPort, hosts)
        else await this.stopMitm()
        this.settings = { ...this.settings, mitm: { enabled, port: mitmPort, captureHosts: hosts } }
        saveSettings(this.options.dataDir, this.settings)
        const status = this.proxyStatus()
        this.events.emit('proxy:status', status)
        return status
      },
      'proxy:regenerate-ca': async () => {
        if (!this.mitm) throw new ApiArgError('turn the forward proxy on first')
        await this.mitm.regenerateCa()
        const status = this.proxyStatus()
        this.events.emit('proxy:status', status)
        return status
      },
      'proxy:set-upstream': async ({ profile, url }) => {
        this.upstream = profileFor(profile, url)
        this.settings = { ...this.settings, upstream: { profile, ...(url ? { url } : {}) } }
        saveSettings(this.options.dataDir, this.settings)
        const status = this.proxyStatus()
        this.events.emit('proxy:status', status)
        return status
      },
      'store:status': async () => this.storeStatus()
    }
  }
}

/** The request to open a conversation on: its last failure if it ended in one, else its longest request. */
function focusOf(exchanges: readonly ExchangeSummary[]): string {
  const last = exchanges[exchanges.length - 1]
  if (last && ((last.status ?? 0) >= 400 || last.bodyError)) return last.id
  let best = last
  for (const e of exchanges) if (e.requestSize >= (best?.requestSize ?? 0) && (e.status ?? 0) < 400) best = e
  return (best ?? last).id
}

/** Errors the user can act on (a fix that does not apply, a missing key) reach the UI as bad-input errors. */
function asArgError<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof FixError || err instanceof EditError || err instanceof MissingKeyError || err instanceof ReplayError || err instanceof MinimizeError) throw new ApiArgError(err.message)
    throw err
  }
}
