import './shared.css'
// The header row and load error of a virtualized list.
export function ListHead({ columns, grid, error }: { columns: ReadonlyArray<{ id: string; title: string; align?: string }>; grid: string; error: string | null }) {
  return (
    <>
      <div className="list-head" role="row" style={{ gridTemplateColumns: grid }}>
        {columns.map((c) => (
          <span key={c.id} role="columnheader" className={`cell${c.align ? ' num' : ''}`}>
            {c.title}
          </span>
        ))}
      </div>
      {error && (
        <div className="list-error" role="alert">
          {error}
        </div>
      )}
    </>
  )
}
