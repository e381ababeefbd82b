// Repair rules and breakpoints as the core reports them, kept current by its events. Component-local: the
// header chips and the panel read the same hook; the core is the one source of truth.
import { useEffect, useState } from 'react'
import type { BreakpointStatus, RepairStatus } from '@shared/types'
import { getApi } from '../../api/get-api'

export function useRepairStatus(): RepairStatus | null {
  const [status, setStatus] = useState<RepairStatus | null>(null)
  useEffect(() => {
    const api = getApi()
    let live = true
    void api['repair:status'](null).then((s) => live && setStatus(s), () => {})
    const off = api.on('repair:status', (s) => setStatus(s))
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}

export function useBreakpointStatus(): BreakpointStatus | null {
  const [status, setStatus] = useState<BreakpointStatus | null>(null)
  useEffect(() => {
    const api = getApi()
    let live = true
    void api['breakpoints:status'](null).then((s) => live && setStatus(s), () => {})
    const off = api.on('breakpoints:status', (s) => setStatus(s))
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}

/** Runs an API call; its error message (a bad filter, an unknown fix) comes back as a string for the UI. */
export async function attempt(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call()
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}
