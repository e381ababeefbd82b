import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { tokenizeJsonLine, type Span } from '../../lib/json-tokens'
import { locateRow, wrapRows } from '../../lib/wrap'
import './shared.css'

const LINE_HEIGHT = 17
const MAX_CACHED_SPANS = 200

/**
 * Text as fixed-height rows, soft-wrapped by character count and virtualized: only what is on screen is in the
 * DOM and only those lines are tokenized for highlighting, so a 5 MB body opens as fast as a small one.
 */
export function LineView({ lines, highlight, testId }: { lines: string[]; highlight: boolean; testId?: string }) {
  const scroller = useRef<HTMLDivElement>(null)
  const probe = useRef<HTMLSpanElement>(null)
  const [columns, setColumns] = useState(0)
  const gutterDigits = String(lines.length).length

  useLayoutEffect(() => {
    const el = scroller.current
    const p = probe.current
    if (!el || !p) return
    const measure = () => {
      const charWidth = p.getBoundingClientRect().width / 50 || 7.2
      const gutter = (gutterDigits + 2) * charWidth + 12
      setColumns(Math.max(20, Math.floor((el.clientWidth - gutter - 16) / charWidth)))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [gutterDigits])

  const wrapped = useMemo(() => wrapRows(lines, columns || 120), [lines, columns])
  const spansCache = useMemo(() => new Map<number, Span[]>(), [lines])

  const virtualizer = useVirtualizer({
    count: wrapped.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30
  })

  const spansFor = (line: number): Span[] => {
    let spans = spansCache.get(line)
    if (!spans) {
      spans = tokenizeJsonLine(lines[line])
      if (spansCache.size > MAX_CACHED_SPANS) spansCache.clear()
      spansCache.set(line, spans)
    }
    return spans
  }

  return (
    <div className="line-view mono" ref={scroller} data-testid={testId} tabIndex={0}>
      <span className="probe" ref={probe} aria-hidden>
        {'0'.repeat(50)}
      </span>
      <div className="line-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { line, segment } = locateRow(wrapped, item.index)
          const from = segment * wrapped.columns
          const to = from + wrapped.columns
          return (
            <div key={item.key} className="line" style={{ transform: `translateY(${item.start}px)` }}>
              <span className="gutter" style={{ width: `${gutterDigits + 1}ch` }}>
                {segment === 0 ? line + 1 : '↪'}
              </span>
              {highlight ? (
                <HighlightedSegment text={lines[line]} spans={spansFor(line)} from={from} to={to} />
              ) : (
                <span className="line-text">{lines[line].slice(from, to)}</span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

const HighlightedSegment = memo(function HighlightedSegment({
  text,
  spans,
  from,
  to
}: {
  text: string
  spans: Span[]
  from: number
  to: number
}) {
  // First span that ends after `from`.
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (spans[mid][1] <= from) lo = mid + 1
    else hi = mid
  }
  const parts = []
  for (let i = lo; i < spans.length && spans[i][0] < to; i++) {
    const [start, end, kind] = spans[i]
    parts.push(
      <span key={i} className={`j-${kind}`}>
        {text.slice(Math.max(start, from), Math.min(end, to))}
      </span>
    )
  }
  return <span className="line-text">{parts}</span>
})
