import './shared.css'
interface Option<T extends string> {
  value: T
  label: string
  disabled?: boolean
  testId?: string
  /** A small count beside the label (failed conversations). */
  badge?: string
  title?: string
}

/** A small two-or-three-way toggle (Pretty | Raw, Message + events | Raw body). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange
}: {
  label: string
  value: T
  options: Option<T>[]
  onChange: (value: T) => void
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          role="radio"
          aria-checked={o.value === value}
          className={o.value === value ? 'on' : ''}
          disabled={o.disabled}
          data-testid={o.testId}
          title={o.title}
          onClick={() => onChange(o.value)}
        >
          {o.label}
          {o.badge && <span className="seg-badge">{o.badge}</span>}
        </button>
      ))}
    </div>
  )
}
