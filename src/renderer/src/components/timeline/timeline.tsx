import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import type { Diagnosis, RequestView } from '@shared/types'
import { blockPosition, culpritFinding, estimateRow, markMessages, rowOfMessage, timelineRows, type TimelineRow } from '../../lib/timeline-model'
import type { TimelineTarget } from '../../store/analysis-slice'
import { SystemPrompt } from './system-prompt'
import { TimelineToolbar } from './timeline-toolbar'
import { TimelineMessageView } from './timeline-message'
import { useFolds, type Folds } from '../shared/use-folds'
import './timeline.css'

const foldKey = (messageIndex: number, position: number): string => `${messageIndex}:${position}`
const SYSTEM_KEY = 'system'

function opensOf(row: TimelineRow, folds: Folds): string {
  if (row.kind === 'system') return folds.isOpen(SYSTEM_KEY) ? '1' : '0'
  let s = ''
  for (let p = 0; p < row.message.blocks.length; p++) s += folds.isOpen(foldKey(row.message.index, p)) ? '1' : '0'
  return s
}

/**
 * The request's messages in order, virtualized (rows of any height, measured once drawn): a 1,000-message
 * history opens as fast as a short one. Scrolls to `target` (the culprit, a finding, a turn-diff change).
 */
export function Timeline({ view, diagnosis, target }: { view: RequestView; diagnosis: Diagnosis | null; target: TimelineTarget | null }) {
  const rows = useMemo(() => timelineRows(view), [view])
  const marks = useMemo(() => markMessages(view, diagnosis), [view, diagnosis])
  const culprit = useMemo(() => (diagnosis ? culpritFinding(diagnosis) : null), [diagnosis])
  const folds = useFolds(view)
  const scroller = useRef<HTMLDivElement>(null)
  const width = useRef(800)

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      const row = rows[i]
      return estimateRow(row, (p) => row.kind === 'message' && folds.isOpen(foldKey(row.message.index, p)), width.current)
    },
    getItemKey: (i) => {
      const row = rows[i]
      return row.kind === 'system' ? SYSTEM_KEY : row.message.index
    },
    indexAttribute: 'data-row',
    overscan: 4
  })

  useLayoutEffect(() => {
    if (scroller.current) width.current = scroller.current.clientWidth
  }, [])

  const { toggle } = folds
  const onToggle = useCallback((messageIndex: number, position: number) => toggle(foldKey(messageIndex, position)), [toggle])
  const toggleSystem = useCallback(() => toggle(SYSTEM_KEY), [toggle])

  // Jump: open the target block, bring its message in, then settle the block a little below the top.
  useEffect(() => {
    if (!target) return
    const row = rowOfMessage(rows, target.messageIndex)
    const r = rows[row]
    if (row < 0 || r.kind !== 'message') return
    const position = blockPosition(view.protocol, r.message, target.blockIndex)
    if (position !== null) folds.reveal(foldKey(target.messageIndex, position))
    virtualizer.scrollToIndex(row, { align: 'start' })
    let frame = 0
    let lastTop = Number.NaN
    let stable = 0
    let raf = requestAnimationFrame(function settle() {
      const box = scroller.current
      const message = box?.querySelector<HTMLElement>(`[data-testid="timeline-message"][data-index="${target.messageIndex}"]`)
      if (box && message) {
        const boxTop = box.getBoundingClientRect().top
        const el = (position !== null && message.querySelector<HTMLElement>(`[data-testid="timeline-block"][data-position="${position}"]`)) || message
        const head = message.getBoundingClientRect().top - boxTop
        stable = Math.abs(head - lastTop) < 1 ? stable + 1 : 0
        lastTop = head
        if (stable >= 2) {
          // Show the message from its head when the target block fits below it; else the block, a little below the top.
          const bottom = el.getBoundingClientRect().bottom - boxTop
          const delta = el === message || bottom - head <= box.clientHeight - 24 ? head - 6 : el.getBoundingClientRect().top - boxTop - Math.min(box.clientHeight * 0.25, 140)
          if (Math.abs(delta) > 4) box.scrollTop += delta
          return
        }
      }
      if (++frame < 60) raf = requestAnimationFrame(settle)
    })
    return () => cancelAnimationFrame(raf)
    // Runs once per jump (nonce), not on every fold change; folds.reveal is stable.
  }, [target?.nonce, rows])

  const items = virtualizer.getVirtualItems()
  return (
    <div className="timeline" data-testid="timeline" data-messages={view.messages.length}>
      <TimelineToolbar view={view} diagnosis={diagnosis} onAll={folds.setAll} />
      <div className="timeline-scroll" ref={scroller} tabIndex={0} aria-label="Request timeline">
        <div className="timeline-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            return (
              <div key={item.key} className="tl-row" data-row={item.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${item.start}px)` }}>
                {row.kind === 'system' ? (
                  <SystemPrompt text={row.text} open={folds.isOpen(SYSTEM_KEY)} onToggle={toggleSystem} />
                ) : (
                  <TimelineMessageView
                    protocol={view.protocol}
                    message={row.message}
                    marks={marks.get(row.message.index)}
                    culpritFinding={marks.get(row.message.index)?.culprit ? culprit : null}
                    opens={opensOf(row, folds)}
                    onToggle={onToggle}
                  />
                )}
              </div>
            )
          })}
        </div>
        {rows.length === 0 && <div className="notice muted">This request has no messages.</div>}
      </div>
    </div>
  )
}
