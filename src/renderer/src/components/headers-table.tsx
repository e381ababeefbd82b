import type { HeaderList } from '@shared/types'

export function HeadersTable({ headers, title, startLine }: { headers: HeaderList; title: string; startLine?: string }) {
  return (
    <details className="headers" open>
      <summary>
        {title} <span className="muted">({headers.length})</span>
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
