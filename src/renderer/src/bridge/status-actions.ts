import type { UpstreamProfileId } from '@shared/types'
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'

export async function setUpstream(profile: UpstreamProfileId, url?: string): Promise<boolean> {
  const s = useAppStore.getState()
  s.setUpstreamError(null)
  try {
    const status = await getApi()['proxy:set-upstream'](url === undefined ? { profile } : { profile, url })
    useAppStore.getState().setProxy(status)
    return true
  } catch (err) {
    useAppStore.getState().setUpstreamError(err instanceof Error ? err.message : String(err))
    return false
  }
}

export function setSetupOpen(open: boolean): void {
  useAppStore.getState().setSetupOpen(open)
}

/** The forward (HTTPS_PROXY) proxy: on or off, port, capture list. Throws the core's reason (port taken, bad host). */
export async function setMitm(arg: { enabled: boolean; port?: number; captureHosts?: string[] }): Promise<void> {
  useAppStore.getState().setProxy(await getApi()['proxy:set-mitm'](arg))
}

/** A new CA for the forward proxy; agents that trusted the old one must be given the new file. */
export async function regenerateCa(): Promise<void> {
  useAppStore.getState().setProxy(await getApi()['proxy:regenerate-ca'](null))
}
