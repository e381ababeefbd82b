const WHY = 'Coming with replay: this fix will be applied to a copy of the request and sent again.'

/** The rule's machine fixes as buttons; disabled until the replay feature can apply them. */
export function FixChips({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null
  return (
    <div className="dx-fixes" data-testid="fix-chips">
      {ids.map((id) => (
        // The span carries the tooltip: a disabled button gets no pointer events.
        <span key={id} title={WHY}>
          <button className="btn btn-small fix-chip" disabled data-fix-id={id} aria-label={`fix: ${id} (${WHY})`}>
            fix: {id}
          </button>
        </span>
      ))}
    </div>
  )
}
