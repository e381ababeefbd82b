import { useEffect, useRef } from 'react'
import { useAppStore } from '../../store/app-store'
import './list-tools.css'

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

/** Every shortcut the app has, grouped as a user looks for them (GitHub / Gmail habit: `?`). */
export const SHORTCUTS: Array<[string, Array<[string, string]>]> = [
  [
    'Lists',
    [
      ['↑ ↓  or  j k', 'Move through the list'],
      ['PgUp PgDn, Home End (g G)', 'Jump by a page, to the first or last row'],
      ['Enter', 'Open the selected row'],
      ['Esc', 'Close the open row, the menu or this overlay'],
      ['Shift+F10  or  the menu key', 'Context menu of the selected row (copy, pin, delete)'],
      ['Delete', 'Delete the selected exchange (asks first)'],
      ['p', 'Pin or unpin the selected exchange']
    ]
  ],
  [
    'Filter',
    [
      ['/  or  ' + mod + '+F', 'Focus the filter'],
      ['Esc (in the filter)', 'Clear the filter'],
      ['status:4xx  -method:GET', 'Field terms; a leading - negates'],
      ['body:"text"', 'Search request and response bodies']
    ]
  ],
  [
    'Views',
    [
      ['1  /  2', 'Exchanges / Conversations'],
      ['[  ]', 'Previous / next request of the open conversation'],
      ['n', 'Jump to the culprit (diagnosis)'],
      [mod + '+Enter', 'Send the edited request (replay editor)'],
      ['?', 'Show or hide these shortcuts']
    ]
  ]
]

export function ShortcutsOverlay() {
  const open = useAppStore((s) => s.helpOpen)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (open) ref.current?.focus()
  }, [open])
  if (!open) return null
  const close = () => useAppStore.getState().setHelpOpen(false)
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={ref}
        tabIndex={-1}
        className="modal shortcuts"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        data-testid="shortcuts-overlay"
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault()
            e.stopPropagation()
            close()
          }
        }}
      >
        <div className="modal-head">
          <h2>Keyboard shortcuts</h2>
          <button className="btn btn-icon" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <div className="shortcut-groups">
          {SHORTCUTS.map(([group, keys]) => (
            <section key={group}>
              <h3>{group}</h3>
              <dl>
                {keys.map(([k, what]) => (
                  <div key={k} className="shortcut">
                    <dt>
                      <kbd>{k}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}
