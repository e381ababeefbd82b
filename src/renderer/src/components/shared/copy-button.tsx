import { useEffect, useState } from 'react'
import { copyText } from '../../lib/clipboard'
import './shared.css'

export function CopyButton({ text, label = 'Copy', testId }: { text: string | (() => string); label?: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <button
      className={`btn btn-small copy-button copy-${state}`}
      data-testid={testId}
      onClick={async () => setState((await copyText(typeof text === 'function' ? text() : text)) ? 'copied' : 'failed')}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  )
}
