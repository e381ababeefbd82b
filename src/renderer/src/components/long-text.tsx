import { useState } from 'react'

const LIMIT = 20_000

/** Plain text that may be huge: show the first part and let the user ask for the rest. */
export function LongText({ text, className }: { text: string; className?: string }) {
  const [all, setAll] = useState(false)
  const cut = !all && text.length > LIMIT
  return (
    <div className={`long-text ${className ?? ''}`}>
      {cut ? text.slice(0, LIMIT) : text}
      {cut && (
        <button className="btn btn-link" onClick={() => setAll(true)}>
          … show {(text.length - LIMIT).toLocaleString('en-US')} more characters
        </button>
      )}
    </div>
  )
}
