// Repair rules and breakpoints as the core reports them, kept current by its events. Component-local: the
// header chips and the panel read the same hook; the core is the one source of truth.
import { useEffect, useState } from 'react'
import type { BreakpointStatus, RepairStatus } from '@shared/types'
import { getApi } from '../../api/get-api'

/** A status the core answers to `call` and pushes again as `event` whenever it changes. */
function useCoreStatus<T>(load: () => Promise<T>, subscribe: (set: (value: T) => void) => () => void): T | null {
  const [status, setStatus] = useState<T | null>(null)
  useEffect(() => {
    let live = true
    void load().then((s) => live && setStatus(s), () => {})
    const off = subscribe(setStatus)
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}

export function useRepairStatus(): RepairStatus | null {
  return useCoreStatus(() => getApi()['repair:status'](null), (set) => getApi().on('repair:status', set))
}

export function useBreakpointStatus(): BreakpointStatus | null {
  return useCoreStatus(() => getApi()['breakpoints:status'](null), (set) => getApi().on('breakpoints:status', set))
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
