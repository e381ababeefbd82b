import { useMemo, useState } from 'react'
import { prettyValue } from '../../lib/json-lines'
import { tokenizeJsonLine } from '../../lib/json-tokens'
import { FOLD_CHARS, FOLD_JSON_LINES } from '../../lib/timeline-model'
import type { Fold } from './use-folds'
import './shared.css'

const MAX_LINES = 400
/** The same budget as long text (LongText): a 41 KB file in a tool input is one JSON line, so lines alone do not cap it. */
const MAX_CHARS = 20_000

/** The lines to show within a line and a character budget; the line that crosses the budget is cut. */
function cutLines(lines: string[], maxLines: number, maxChars: number): { shown: string[]; hiddenLines: number; hiddenChars: number } {
  const shown: string[] = []
  let chars = 0
  for (const line of lines) {
    if (shown.length >= maxLines) break
    if (chars + line.length > maxChars) {
      shown.push(line.slice(0, Math.max(0, maxChars - chars)))
      chars = maxChars
      break
    }
    shown.push(line)
    chars += line.length
  }
  // Characters cut from the line that crossed the budget; the lines after it are counted as lines.
  const last = shown.length - 1
  const hiddenChars = last >= 0 ? lines[last].length - shown[last].length : 0
  return { shown, hiddenLines: lines.length - shown.length, hiddenChars }
}

/**
 * A JSON value (tool input, one SSE event), pretty and highlighted. Big ones are cut like long text, by lines and
 * by characters, with "show more"; with a `fold` (the timeline), folded shows a few lines of a few hundred characters.
 */
export function JsonBlock({ value, text, fold }: { value?: unknown; text?: string; fold?: Fold }) {
  const [all, setAll] = useState(false)
  const lines = useMemo(() => (text ?? prettyValue(value)).split('\n'), [value, text])
  const folded = fold !== undefined && !fold.open
  const { shown, hiddenLines, hiddenChars } = folded
    ? cutLines(lines, FOLD_JSON_LINES, FOLD_CHARS)
    : all
      ? { shown: lines, hiddenLines: 0, hiddenChars: 0 }
      : cutLines(lines, MAX_LINES, MAX_CHARS)
  const more = () => (folded ? fold.toggle() : setAll(true))
  const cut = hiddenLines > 0 || hiddenChars > 0
  return (
    <pre className="json-block mono">
      {shown.map((line, i) => (
        <div key={i} className="json-line">
          {tokenizeJsonLine(line).map(([start, end, kind], j) => (
            <span key={j} className={`j-${kind}`}>
              {line.slice(start, end)}
            </span>
          ))}
        </div>
      ))}
      {cut && (
        <button className="btn btn-link" data-testid="show-more" onClick={more}>
          … show {hiddenChars > 0 ? `${hiddenChars.toLocaleString('en-US')} more characters` : ''}
          {hiddenChars > 0 && hiddenLines > 0 ? ', ' : ''}
          {hiddenLines > 0 ? `${hiddenLines.toLocaleString('en-US')} more ${hiddenLines === 1 ? 'line' : 'lines'}` : ''}
        </button>
      )}
      {fold?.open && (lines.length > FOLD_JSON_LINES || lines.some((l) => l.length > FOLD_CHARS)) && (
        <button className="btn btn-link fold-less" onClick={fold.toggle}>
          show less
        </button>
      )}
    </pre>
  )
}
