// The items of an exchange's context menu (list rows, the detail panel's Copy button) and of a timeline
// message's. The key stays out of copies unless "Include the API key" is ticked for this menu.
import type { CopyFormat } from '@shared/list-query'
import { openExchange } from '../../bridge/detail-actions'
import { COPY_LABELS, copyExchange, deleteExchanges, setPinned } from '../../bridge/exchange-ops'
import { useAppStore } from '../../store/app-store'
import type { MenuItem } from '../../store/list-view-slice'

const REQUEST_COPIES: CopyFormat[] = ['curl', 'fetch', 'httpie', 'raw', 'har', 'url']

function copyItems(id: string, formats: CopyFormat[], key: { on: boolean }, message?: number): MenuItem[] {
  return formats.map((format) => ({ label: COPY_LABELS[format], testId: `copy-${format}`, run: () => void copyExchange(id, format, { withKey: key.on, message }) }))
}

const keyToggle = (key: { on: boolean }): MenuItem => ({
  kind: 'check',
  label: 'Include the API key in the copy',
  checked: false,
  testId: 'copy-with-key',
  toggle: () => (key.on = !key.on)
})

export function exchangeMenu(id: string, opts: { open?: boolean } = {}): MenuItem[] {
  const summary = useAppStore.getState().byId.get(id)
  const key = { on: false }
  const pinned = !!summary?.pinned
  const inFlight = summary?.state === 'pending' || summary?.state === 'streaming'
  return [
    ...(opts.open === false ? [] : [{ label: 'Open', hint: 'Enter', testId: 'menu-open', run: () => openExchange(id) } satisfies MenuItem, { kind: 'separator' } satisfies MenuItem]),
    ...copyItems(id, REQUEST_COPIES, key),
    ...copyItems(id, ['response'], key).map((i) => ({ ...i, disabled: inFlight || summary?.status == null })),
    keyToggle(key),
    { kind: 'separator' },
    { label: pinned ? 'Unpin' : 'Pin', testId: 'menu-pin', run: () => void setPinned([id], !pinned) },
    { label: 'Delete…', hint: 'Del', danger: true, testId: 'menu-delete', disabled: inFlight, run: () => confirmDelete([id]) }
  ]
}

export function messageMenu(id: string, message: number): MenuItem[] {
  const key = { on: false }
  return [
    ...copyItems(id, ['message-json', 'message-text'], key, message),
    { kind: 'separator' },
    ...copyItems(id, ['curl', 'fetch', 'httpie', 'raw'], key),
    keyToggle(key)
  ]
}

/** Delete after the user says so: tombstones now, the space back by a compaction. */
export function confirmDelete(ids: string[]): void {
  if (ids.length === 0) return
  const n = ids.length
  useAppStore.getState().setConfirm({
    title: `Delete ${n === 1 ? 'this exchange' : `${n} exchanges`}?`,
    body: `${n === 1 ? 'It is' : 'They are'} removed from the data folder, not only hidden (use Clear to hide). This cannot be undone.`,
    action: 'Delete',
    run: () => void deleteExchanges(ids)
  })
}
