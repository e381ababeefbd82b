import { WEB } from './contract'

const STORAGE_KEY = 'mimo-inspector.token'

/**
 * Web mode is opened as http://127.0.0.1:PORT/?token=TOKEN. Take the token from the query once, keep it in
 * sessionStorage so a reload still works, and drop it from the visible URL (screenshots, shared screens, history).
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromQuery = url.searchParams.get(WEB.tokenQuery)
  if (fromQuery) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromQuery)
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    url.searchParams.delete(WEB.tokenQuery)
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromQuery
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
