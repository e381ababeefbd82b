import type { HeaderList } from '@shared/types'
import { setEditorHeaders } from '../../bridge/replay-editor-actions'
import { isSecretHeader } from '../../lib/replay-target'
import type { ReplayEditor } from '../../store/replay-slice'
import './replay.css'

const FRAMING = new Set(['host', 'content-length', 'transfer-encoding', 'connection'])

/**
 * The request headers, editable. Secret headers show their fingerprint (`Bearer sk-…9f2c`); the core puts the
 * real key back as long as the fingerprint is left as it is. Host and Content-Length are set by the core.
 */
export function ReplayHeaders({ editor }: { editor: ReplayEditor }) {
  const headers = editor.headers ?? editor.recordedHeaders
  const edited = editor.headers !== null
  const update = (next: HeaderList) => setEditorHeaders(next)
  const setAt = (i: number, name: string, value: string) => update(headers.map((h, j) => (j === i ? [name, value] : h)))
  return (
    <details className="headers replay-headers" data-testid="replay-headers" data-edited={edited ? 'true' : 'false'}>
      <summary>
        Headers <span className="muted">({headers.length})</span>
        {edited ? <span className="chip chip-edited">edited</span> : <span className="headers-peek">as recorded; secrets restored by the core</span>}
      </summary>
      <table className="headers-table mono replay-headers-table">
        <tbody>
          {headers.map(([name, value], i) => {
            const framing = FRAMING.has(name.toLowerCase())
            const secret = isSecretHeader(name)
            return (
              <tr key={i} className={framing ? 'dim' : secret ? 'header-secret' : undefined}>
                <th scope="row">
                  <input className="input mono" aria-label={`header ${i + 1} name`} value={name} spellCheck={false} onChange={(e) => setAt(i, e.target.value, value)} />
                </th>
                <td>
                  <input
                    className="input mono"
                    aria-label={`${name} value`}
                    value={value}
                    spellCheck={false}
                    title={framing ? 'Set by the core for the target and the body' : secret && value.includes('…') ? 'A fingerprint: the core sends the real key it holds for it' : undefined}
                    onChange={(e) => setAt(i, name, e.target.value)}
                  />
                </td>
                <td className="header-remove">
                  <button className="btn btn-icon" aria-label={`remove ${name}`} title="Remove" onClick={() => update(headers.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="replay-row">
        <button className="btn btn-small" onClick={() => update([...headers, ['x-header', '']])}>
          Add header
        </button>
        {edited && (
          <button className="btn btn-small" onClick={() => setEditorHeaders(null)}>
            Headers as recorded
          </button>
        )}
      </div>
    </details>
  )
}
