// The service behind InspectorApi: store + recorder + proxies + analysis, wired together. The handlers live
// beside the code they call (capture/, conversations/, import/, replay/, repro/, proxy/); this file only builds
// the parts and joins the handler groups. Every adapter (Electron IPC, web mode, tests) talks to `handlers`
// and `events` and nothing else.
import type { RequestOptions } from 'node:https'
import { uiSettingsSchema, type InspectorHandlers } from '../../shared/api'
import type { ExchangeSummary, ProxyStatus, StoreStatus } from '../../shared/types'
import { Analysis } from './analysis'
import { ExchangeReader } from './capture/exchange-reader'
import { exchangeHandlers } from './capture/exchange-handlers'
import { Persister } from './capture/persister'
import { Recorder } from './capture/recorder'
import { ConversationList } from './conversation-list'
import { conversationHandlers } from './conversations/conversation-handlers'
import { copyHandlers } from './copy/copy-handlers'
import { EventHub } from './events'
import { BodySearches } from './filter/body-searches'
import { ListQueries } from './filter/list-queries'
import { viewHandlers } from './filter/view-handlers'
import { importHandlers } from './import/import-handlers'
import { DEFAULT_TIMEOUTS, type Timeouts } from './proxy/forward'
import type { MitmProxyOptions } from './proxy/mitm'
import { ProxyControl } from './proxy/proxy-control'
import { proxyHandlers } from './proxy/proxy-handlers'
import { KeyVault, type KeyStore } from './replay/key-vault'
import { Replayer } from './replay/replayer'
import { replayHandlers } from './replay/replay-handlers'
import { MinimizeJobs } from './repro/minimize-jobs'
import { reproHandlers } from './repro/repro-handlers'
import { Store, type StoreOptions } from './store/store'
import { StoreOps } from './store/store-handlers'
import { UiState } from './ui-state'
import { Breakpoints, DEFAULT_BREAK_TIMEOUT_MS } from './breakpoints/breakpoints'
import { interceptHandlers } from './intercept/intercept-handlers'
import { LiveIntercept } from './intercept/live-intercept'
import { pausedDiagnosis } from './intercept/paused-diagnosis'
import { RepairEngine } from './repair/repair-engine'
import { RepairRules } from './repair/repair-rules'

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
  /** Progress while a data folder from an older version is migrated on open. */
  onStoreMigrate?: StoreOptions['onMigrate']
  /** `serve --repair`: fix ids applied to every request for this run (saved rules apply as well). */
  repair?: string[]
  /** `serve --break`: filters whose requests pause for this run. */
  breakOn?: string[]
  /** How long a paused exchange waits before it continues unedited (default 4 min). */
  breakTimeoutMs?: number
}

export class Inspector {
  readonly events = new EventHub()
  readonly handlers: InspectorHandlers
  readonly store: Store
  readonly recorder: Recorder
  readonly warnings: string[] = []
  readonly conversations: ConversationList
  readonly keys: KeyVault
  readonly ui: UiState
  private readonly lists: ListQueries
  private readonly persister: Persister
  private readonly reader: ExchangeReader
  private readonly proxy: ProxyControl
  private readonly storeOps: StoreOps
  readonly repair: RepairEngine
  readonly breakpoints: Breakpoints

  private constructor(private readonly options: InspectorOptions) {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS
    this.store = Store.open(options.dataDir, { onMigrate: options.onStoreMigrate })
    if (this.store.migrated?.unreadable) this.warnings.push(`${this.store.migrated.unreadable} body(ies) of the older data folder could not be read and were left out when it was migrated`)
    if (this.store.skippedOnOpen > 0) this.warnings.push(`${this.store.skippedOnOpen} damaged record(s) in the store were skipped (a crash cuts at most the last one)`)
    this.conversations = new ConversationList(this.store.records)
    this.ui = new UiState(options.dataDir, (raw) => uiSettingsSchema.parse(raw))
    if (this.ui.warning) this.warnings.push(this.ui.warning)
    // Body terms of a filter run through the store's search (the same jobs as exchanges:search), their results
    // collected as they stream in; the lists are rebuilt and told to refresh as hits arrive.
    const bodies = new BodySearches(
      {
        start: async (text) => this.storeOps.search({ text, caseSensitive: false, parts: ['request', 'response'] }),
        cancel: async (searchId) => this.storeOps.cancelSearch(searchId)
      },
      (id) => this.store.get(id)?.summary.conversationId ?? null,
      () => this.lists.changed()
    )
    this.lists = new ListQueries({ summaries: () => this.reader.summaries(), conversations: this.conversations, pins: this.ui.pins, bodies })
    const analysis = new Analysis(this.store, (s) => (s.conversationId ? this.conversations.exchanges(s.conversationId) : [s]))
    this.persister = new Persister(options.dataDir)
    // Every summary that goes out says whether it is pinned, so a live update never unpins a row in the UI.
    const upserted = (summary: ExchangeSummary): void => {
      this.lists.changed()
      this.events.emit('exchange:upserted', this.ui.pins.has(summary.id) ? { ...summary, pinned: true } : summary)
    }
    this.recorder = new Recorder(this.store, this.persister, {
      upserted,
      recorded: (record) => {
        this.lists.changed()
        for (const conversation of this.conversations.apply(record)) this.events.emit('conversation:upserted', conversation)
      },
      storeFailed: () => this.events.emit('store:status', this.storeStatus())
    })
    this.reader = new ExchangeReader(this.store, this.recorder)
    this.keys = new KeyVault(this.recorder.keyring, options.keyStore ?? null)
    const replayer = new Replayer(this.store, this.recorder, this.keys, {
      timeouts,
      tls: options.upstreamTls,
      emit: (status) => this.events.emit('replay:status', status),
      baseBackoffMs: options.replayBackoffMs
    })
    const minimizer = new MinimizeJobs({
      keys: this.keys,
      timeouts,
      tls: options.upstreamTls,
      emit: (status) => this.events.emit('repro:progress', status),
      baseBackoffMs: options.replayBackoffMs
    })
    const rules = new RepairRules(options.dataDir)
    this.warnings.push(...rules.warnings)
    if (options.repair?.length) rules.addCli(options.repair)
    const evidenceDeps = {
      evidence: analysis.evidence,
      get: (id: string) => this.store.get(id),
      conversation: (id: string) => this.conversations.exchanges(id)
    }
    this.repair = new RepairEngine(rules, {
      ...evidenceDeps,
      stored: (exceptId) => this.recorder.stored(exceptId),
      unsettled: (exceptId) => this.recorder.unsettled(exceptId),
      changed: () => this.events.emit('repair:status', this.repair.status())
    })
    this.breakpoints = new Breakpoints(options.breakTimeoutMs ?? DEFAULT_BREAK_TIMEOUT_MS, () => this.events.emit('breakpoints:status', this.breakpoints.status()), options.dataDir)
    this.warnings.push(...this.breakpoints.warnings)
    for (const filter of options.breakOn ?? []) this.breakpoints.add(filter, 'request', false, 'cli')
    this.proxy = new ProxyControl({
      dataDir: options.dataDir,
      host: options.host ?? LOOPBACK,
      proxyPort: options.proxyPort ?? DEFAULT_PROXY_PORT,
      recorder: this.recorder,
      timeouts,
      upstreamTls: options.upstreamTls,
      upstream: options.upstream,
      mitmResolveUpstream: options.mitmResolveUpstream,
      changed: () => this.events.emit('proxy:status', this.proxyStatus()),
      intercept: new LiveIntercept(this.repair, this.breakpoints, this.recorder, { ...evidenceDeps, stored: (exceptId) => this.recorder.stored(exceptId) })
    })
    this.warnings.push(...this.proxy.warnings)
    this.storeOps = new StoreOps({
      store: this.store,
      control: (control, progress) => this.persister.control(control, progress),
      isLive: (id) => !!this.recorder.getLive(id),
      deleted: (ids, conversationIds) => {
        bodies.forget(ids)
        this.ui.forget(ids)
        this.lists.changed()
        this.conversations.rebuild(this.store.records)
        for (const id of conversationIds) {
          const c = this.conversations.get(id)
          if (c) this.events.emit('conversation:upserted', c)
        }
      },
      emit: {
        deleted: (ids) => this.events.emit('exchanges:deleted', { ids }),
        progress: (p) => this.events.emit('store:progress', p),
        search: (results) => {
          bodies.onResults(results)
          this.events.emit('search:results', results)
        },
        status: () => this.events.emit('store:status', this.storeStatus())
      }
    })
    const { store, conversations, keys, events } = this
    this.handlers = {
      ...exchangeHandlers({
        reader: this.reader,
        appInfo: () => ({ version: options.version, dataDir: options.dataDir, shell: options.shell }),
        storeStatus: () => this.storeStatus()
      }),
      ...conversationHandlers({ store, analysis, conversations, liveRequest: (id) => this.reader.liveRequestJson(id), liveDiagnosis: (id) => pausedDiagnosis(id, this.reader, analysis, evidenceDeps) }),
      ...importHandlers({ recorder: this.recorder, store }),
      ...replayHandlers({ store, analysis, replayer, keys, liveProtocol: (id) => this.recorder.getLive(id)?.summary.protocol }),
      ...reproHandlers({ store, analysis, conversations, minimizer, version: options.version }),
      ...proxyHandlers({ proxy: this.proxy, events }),
      ...this.storeOps.handlers(),
      ...viewHandlers({
        lists: this.lists,
        ui: this.ui,
        summariesOf: (ids) => {
          const wanted = new Set(ids)
          return this.reader.summaries().filter((s) => wanted.has(s.id))
        },
        upserted
      }),
      ...copyHandlers({ reader: this.reader, keys, version: options.version }),
      ...interceptHandlers({
        repair: this.repair,
        breakpoints: this.breakpoints,
        reader: this.reader,
        evidence: evidenceDeps,
        repairChanged: () => {
          const status = this.repair.status()
          this.events.emit('repair:status', status)
          return status
        }
      })
    }
  }

  /** Opens the store and starts the proxies. A taken port is reported in the status, not thrown. */
  static async start(options: InspectorOptions): Promise<Inspector> {
    const inspector = new Inspector(options)
    try {
      await inspector.proxy.listen(options.mitmPort, options.captureHosts)
    } catch (err) {
      await inspector.close()
      throw err
    }
    return inspector
  }

  get proxyListening(): boolean {
    return this.proxy.listening
  }

  get proxyErrorMessage(): string | null {
    return this.proxy.errorMessage
  }

  async close(): Promise<void> {
    await this.proxy.close()
    await this.recorder.drain()
    // Exchanges that just ended are still being written by the worker.
    await this.persister.close()
    this.store.close()
  }

  proxyStatus(): ProxyStatus {
    return this.proxy.status()
  }

  storeStatus(): StoreStatus {
    return {
      dataDir: this.options.dataDir,
      exchangeCount: this.store.records.length,
      recording: this.recorder.recording,
      error: this.recorder.lastError,
      ...this.storeOps.status()
    }
  }

  /** Persisted summaries and in-flight ones, in arrival order. */
  summaries(): ExchangeSummary[] {
    return this.reader.summaries()
  }
}
