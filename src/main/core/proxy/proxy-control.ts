// The two proxies and their settings: the reverse (base-URL) proxy with its upstream profile, and the forward
// (HTTPS_PROXY) proxy that can be turned on, moved and given a new capture list at run time. A taken port or a
// broken CA is reported in the status, not thrown, so the UI can say what to do.
import type { RequestOptions } from 'node:https'
import type { MitmStatus, ProxyStatus, UpstreamProfile, UpstreamProfileId } from '../../../shared/types'
import type { Recorder } from '../capture/recorder'
import { loadSettings, saveSettings, type Settings } from '../settings'
import { baseUrlVars, envLines } from './env-lines'
import type { Timeouts } from './forward'
import type { Interceptor } from './intercept'
import { CaError, DEFAULT_CAPTURE_HOSTS, DEFAULT_MITM_PORT, MitmProxy, proxyEnvVars, type MitmProxyOptions } from './mitm'
import { PortInUseError, ReverseProxy } from './reverse-proxy'
import { PROFILES, profileFor, resolveUpstream } from './upstreams'

export interface ProxyControlOptions {
  dataDir: string
  host: string
  proxyPort: number
  recorder: Recorder
  timeouts: Timeouts
  upstreamTls?: RequestOptions
  /** A profile id or URL for this run only (the saved choice is left alone). */
  upstream?: string
  mitmResolveUpstream?: MitmProxyOptions['resolveUpstream']
  /** Something changed that the UI shows (a client that does not trust our CA). */
  changed: () => void
  /** Repair rules and breakpoints, on both proxies. */
  intercept?: Interceptor | null
}

export class ProxyControl {
  readonly warnings: string[] = []
  private readonly reverse: ReverseProxy
  private mitm: MitmProxy | null = null
  private mitmError: string | null = null
  private mitmPort = 0
  private lastClientTlsError: string | null = null
  private reverseError: string | null = null
  private upstream: UpstreamProfile
  private settings: Settings

  constructor(private readonly options: ProxyControlOptions) {
    const loaded = loadSettings(options.dataDir)
    this.settings = loaded.settings
    if (loaded.warning) this.warnings.push(loaded.warning)
    this.upstream = options.upstream ? resolveUpstream(options.upstream) : this.savedUpstream()
    this.reverse = new ReverseProxy({
      host: options.host,
      port: options.proxyPort,
      recorder: options.recorder,
      upstream: () => this.upstream,
      timeouts: options.timeouts,
      tls: options.upstreamTls,
      intercept: options.intercept
    })
  }

  /** Starts the reverse proxy, and the forward one if asked (or saved as on). */
  async listen(mitmPort: number | null | undefined, captureHosts: string[] | undefined): Promise<void> {
    try {
      await this.reverse.listen()
    } catch (err) {
      if (!(err instanceof PortInUseError)) throw err
      this.reverseError = err.message
    }
    const port = mitmPort ?? (this.settings.mitm?.enabled ? this.settings.mitm.port : null)
    if (port !== null && port !== undefined) await this.startMitm(port, captureHosts ?? this.settings.mitm?.captureHosts ?? DEFAULT_CAPTURE_HOSTS)
  }

  get listening(): boolean {
    return this.reverse.port !== null
  }

  get errorMessage(): string | null {
    return this.reverseError ?? this.mitmError
  }

  async close(): Promise<void> {
    await this.reverse.close()
    await this.mitm?.close()
  }

  status(): ProxyStatus {
    const port = this.reverse.port ?? this.options.proxyPort
    const url = `http://${this.options.host}:${port}`
    return {
      reverse: { host: this.options.host, port, listening: this.reverse.port !== null, error: this.reverseError, url },
      mitm: this.mitmStatus(),
      upstream: this.upstream,
      profiles: PROFILES,
      envLines: envLines(baseUrlVars(url))
    }
  }

  setUpstream(profile: UpstreamProfileId, url: string | undefined): void {
    this.upstream = profileFor(profile, url)
    this.save({ ...this.settings, upstream: { profile, ...(url ? { url } : {}) } })
  }

  /** The capture list to use when the caller gives none: the running one, else the saved one. */
  currentCaptureHosts(): string[] {
    return this.mitm?.captureHosts ?? this.settings.mitm?.captureHosts ?? DEFAULT_CAPTURE_HOSTS
  }

  async setMitm(enabled: boolean, port: number | undefined, captureHosts: string[]): Promise<void> {
    const mitmPort = port ?? this.settings.mitm?.port ?? DEFAULT_MITM_PORT
    if (enabled) await this.startMitm(mitmPort, captureHosts)
    else await this.stopMitm()
    this.save({ ...this.settings, mitm: { enabled, port: mitmPort, captureHosts } })
  }

  /** false when the forward proxy is off. */
  async regenerateCa(): Promise<boolean> {
    if (!this.mitm) return false
    await this.mitm.regenerateCa()
    return true
  }

  private save(settings: Settings): void {
    this.settings = settings
    saveSettings(this.options.dataDir, settings)
  }

  private savedUpstream(): UpstreamProfile {
    try {
      return profileFor(this.settings.upstream.profile, this.settings.upstream.url)
    } catch (err) {
      this.warnings.push(`saved upstream is invalid (${(err as Error).message}); using MiMo pay-as-you-go`)
      return PROFILES[0]
    }
  }

  private async startMitm(port: number, captureHosts: string[]): Promise<void> {
    await this.stopMitm()
    const mitm = new MitmProxy({
      host: this.options.host,
      port,
      dataDir: this.options.dataDir,
      recorder: this.options.recorder,
      captureHosts,
      timeouts: this.options.timeouts,
      upstreamTls: this.options.upstreamTls,
      resolveUpstream: this.options.mitmResolveUpstream,
      intercept: this.options.intercept,
      onClientTlsError: (host, error) => {
        this.lastClientTlsError = `${host}: the client hung up without a request (${error.message}); does it trust ${mitm.caCertPath}?`
        this.options.changed()
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
    const url = `http://${this.options.host}:${port}`
    return {
      host: this.options.host,
      port,
      listening: mitm.port !== null,
      error: this.mitmError,
      url,
      caPath: mitm.caCertPath,
      bundlePath: mitm.bundlePath,
      captureHosts: mitm.captureHosts,
      envLines: envLines(proxyEnvVars(url, mitm.caCertPath, mitm.bundlePath, mitm.captureHosts)),
      lastClientTlsError: this.lastClientTlsError
    }
  }
}
