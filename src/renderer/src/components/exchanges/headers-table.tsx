import { useState } from 'react'
import type { HeaderList } from '@shared/types'
import './exchanges.css'

const KEY = 'mimo-inspector.headers-open'

/** Headers, collapsed by default so the body gets the room; the choice is remembered. */
export function HeadersTable({ headers, title, startLine }: { headers: HeaderList; title: string; startLine?: string }) {
  const [open, setOpen] = useState(() => localStorage.getItem(KEY) === '1')
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  return (
    <details
      className="headers"
      open={open}
      onToggle={(e) => {
        const next = (e.currentTarget as HTMLDetailsElement).open
        if (next === open) return
        setOpen(next)
        localStorage.setItem(KEY, next ? '1' : '0')
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
