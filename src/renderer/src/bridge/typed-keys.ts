// Keys the user types for a replay or a minimize run. They stay in the password field until used, then go to
// the core (`keys:set`) and the field is emptied: never into the store, never left in the DOM.
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'

export type KeyField = 'replay' | 'minimize'

interface Field {
  input: HTMLInputElement
  remember: () => boolean
}

const fields = new Map<KeyField, Field>()

export function registerKeyField(name: KeyField, field: Field): () => void {
  fields.set(name, field)
  return () => {
    if (fields.get(name) === field) fields.delete(name)
  }
}

/**
 * Hand the typed key (if any) to the core and empty the field. Returns the key for the one call that needs
 * it now (`replay:send` / `repro:minimize` take it), or null when nothing was typed.
 */
export async function takeTypedKey(name: KeyField): Promise<string | null> {
  const field = fields.get(name)
  const key = field?.input.value.trim() ?? ''
  if (!field || !key) return null
  if (key.length < 8) throw new Error('that key is too short (8 characters at least)')
  const status = await getApi()['keys:set']({ key, remember: field.remember() })
  field.input.value = ''
  useAppStore.getState().setKeyStatus(status)
  return key
}

export async function refreshKeyStatus(): Promise<void> {
  try {
    useAppStore.getState().setKeyStatus(await getApi()['keys:status'](null))
  } catch {
    // An older core without keys: the key field then shows only when a send asks for it.
  }
}
