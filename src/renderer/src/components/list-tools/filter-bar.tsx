// The filter bar above both lists (DevTools habits): `/` or Ctrl/Cmd+F focuses it, Esc clears it; key:value
// terms, `-` negates; the count of rows shown of all; errors-only, newest-first, bodies, Clear / Show all; a body
// search shows its progress and can be stopped.
import { useEffect, useRef } from 'react'
import { clearList, setFilterText, showAll, stopBodySearch, updateListView } from '../../bridge/list-view-actions'
import { isTypingTarget } from '../../lib/keys'
import { useAppStore } from '../../store/app-store'
import { exchangeSortOf } from '../../store/list-view-slice'
import './list-tools.css'

const n = (v: number): string => v.toLocaleString('en-US')

export const FILTER_HINT = 'text, status:4xx, method:POST, path:, model:, provider:, conversation:, has:error, has:thinking, is:pinned, body:"…", -negates'

function Count() {
  const view = useAppStore((s) => s.mainView)
  const live = useAppStore((s) => (view === 'exchanges' ? s.listMode === 'live' : s.convMode === 'live'))
  const rows = useAppStore((s) => (view === 'exchanges' ? s.slots.length : s.convIds.length))
  const info = useAppStore((s) => (view === 'exchanges' ? s.exchangeInfo : s.conversationInfo))
  const noun = view === 'exchanges' ? 'exchanges' : 'conversations'
  return (
    <span className="filter-count" data-testid="filter-count" aria-live="polite">
      {live ? `${n(rows)} ${noun}` : `${n(info.total)} of ${n(info.all)}`}
    </span>
  )
}

function BodySearch() {
  const view = useAppStore((s) => s.mainView)
  const search = useAppStore((s) => (view === 'exchanges' ? s.exchangeInfo.bodySearch : s.conversationInfo.bodySearch))
  if (!search) return null
  if (search.error) return <span className="filter-problem" role="alert">Body search failed: {search.error}</span>
  if (search.cancelled)
    return (
      <span className="body-search muted" data-testid="body-search" data-state="stopped">
        Body search stopped after {n(search.scanned)} of {n(search.total)}
      </span>
    )
  if (search.done)
    return (
      <span className="body-search muted" data-testid="body-search" data-state="done">
        Bodies searched
      </span>
    )
  return (
    <span className="body-search" data-testid="body-search" data-state="running" role="status">
      <span className="spinner" aria-hidden />
      Searching bodies… {n(search.scanned)} of {n(search.total)}
      <button className="btn btn-small" data-testid="stop-body-search" onClick={() => void stopBodySearch()}>
        Stop
      </button>
    </span>
  )
}

export function FilterBar() {
  const input = useRef<HTMLInputElement>(null)
  const filter = useAppStore((s) => s.filter)
  const view = useAppStore((s) => s.mainView)
  const errorsOnly = useAppStore((s) => s.errorsOnly)
  const bodies = useAppStore((s) => s.searchBodies)
  const newestFirst = useAppStore((s) => { const sort = exchangeSortOf(s); return sort.key === 'time' && sort.dir === 'desc' })
  const cleared = useAppStore((s) => s.clearedBefore)
  const problems = useAppStore((s) => (view === 'exchanges' ? s.exchangeInfo.problems : s.conversationInfo.problems))

  // `/` and Ctrl/Cmd+F focus the filter from anywhere but a form field (Ctrl/Cmd+F even from one).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const find = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f'
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)
      if (!find && !slash) return
      if (useAppStore.getState().appState !== 'ready') return
      e.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="filter-bar" role="search" data-testid="filter-bar">
      <input
        ref={input}
        className="filter-input mono"
        type="search"
        aria-label="Filter"
        placeholder="Filter ( / )  status:4xx  model:  -method:GET  body:"
        title={FILTER_HINT}
        spellCheck={false}
        autoComplete="off"
        data-testid="filter-input"
        value={filter}
        onChange={(e) => setFilterText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            if (filter) setFilterText('', true)
            else e.currentTarget.blur()
          } else if (e.key === 'Enter') setFilterText(filter, true)
        }}
      />
      <Count />
      <button className={`btn btn-small${bodies ? ' btn-active' : ''}`} aria-pressed={bodies} data-testid="search-bodies" title="Free text also searches request and response bodies" onClick={() => updateListView({ searchBodies: !bodies })}>
        Bodies
      </button>
      <button className={`btn btn-small${errorsOnly ? ' btn-active' : ''}`} aria-pressed={errorsOnly} data-testid="errors-only" title="Only failed exchanges (4xx, 5xx, transport errors)" onClick={() => updateListView({ errorsOnly: !errorsOnly })}>
        Errors only
      </button>
      {view === 'exchanges' && (
        <>
          <button className={`btn btn-small${newestFirst ? ' btn-active' : ''}`} aria-pressed={newestFirst} data-testid="newest-first" title="Newest exchange at the top" onClick={() => updateListView({ newestFirst: !newestFirst, exchangeSort: { key: 'time', dir: newestFirst ? 'asc' : 'desc' } })}>
            Newest first
          </button>
          {cleared > 0 ? (
            <button className="btn btn-small" data-testid="show-all" title="Bring back the exchanges hidden by Clear" onClick={showAll}>
              Show all
            </button>
          ) : (
            <button className="btn btn-small" data-testid="clear-list" title="Hide the exchanges listed now (they stay on disk; Show all brings them back)" onClick={clearList}>
              Clear
            </button>
          )}
        </>
      )}
      <BodySearch />
      {problems.length > 0 && (
        <span className="filter-problem" data-testid="filter-problems" role="alert">
          {problems.join('; ')}
        </span>
      )}
    </div>
  )
}
