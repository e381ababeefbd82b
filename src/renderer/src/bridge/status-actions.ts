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
