import { create } from 'zustand'
import type { HeaderList } from '@shared/types'
import './exchanges.css'

const KEY = 'mimo-inspector.headers-open'

/** One choice for every headers table (side by side, both follow it), kept across sessions. */
const useHeadersOpen = create<{ open: boolean; set(open: boolean): void }>((set) => ({
  open: localStorage.getItem(KEY) === '1',
  set: (open) => {
    localStorage.setItem(KEY, open ? '1' : '0')
    set({ open })
  }
}))

/** Headers, collapsed by default so the body gets the room; the choice is remembered. Open, they show in full
 *  (the pane scrolls, the body keeps a useful height): no small scroll box of its own. */
export function HeadersTable({ headers, title, startLine, testId }: { headers: HeaderList; title: string; startLine?: string; testId?: string }) {
  const open = useHeadersOpen((s) => s.open)
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  return (
    <details
      className="headers"
      data-testid={testId}
      open={open}
      onToggle={(e) => {
        const next = (e.currentTarget as HTMLDetailsElement).open
        if (next !== open) useHeadersOpen.getState().set(next)
      }}
    >
      <summary>
        {title} <span className="muted">({headers.length})</span>
        {!open && startLine && <span className="headers-peek mono">{startLine}</span>}
        {!open && contentType && <span className="headers-peek mono">content-type: {contentType}</span>}
      </summary>
      {startLine && <div className="start-line mono">{startLine}</div>}
      <table className="headers-table mono">
        <tbody>
          {headers.map(([name, value], i) => (
            <tr key={i}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
