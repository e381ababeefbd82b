import { setMainView } from '../../bridge/view-actions'
import { useAppStore } from '../../store/app-store'
import { Segmented } from '../shared/segmented'

/** Exchanges | Conversations (keys 1 and 2). */
export function ViewSwitch() {
  const view = useAppStore((s) => s.mainView)
  const errors = useAppStore((s) => s.convIds.reduce((n, id) => n + (s.convById.get(id)?.endedInError ? 1 : 0), 0))
  return (
    <Segmented
      label="Main view"
      value={view}
      onChange={setMainView}
      options={[
        { value: 'exchanges', label: 'Exchanges', testId: 'view-exchanges', title: 'Every request, in order (1)' },
        {
          value: 'conversations',
          label: 'Conversations',
          testId: 'view-conversations',
          badge: errors > 0 ? String(errors) : undefined,
          title: `Requests grouped by agent session (2)${errors > 0 ? ` — ${errors} ended in error` : ''}`
        }
      ]}
    />
  )
}
