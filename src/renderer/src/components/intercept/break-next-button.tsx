// "Break on next request": pauses the next request that continues this conversation, once.
import { useState } from 'react'
import { getApi } from '../../api/get-api'
import { attempt } from './use-intercept'

export function BreakNextButton({ conversationId }: { conversationId: string }) {
  const [armed, setArmed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <button
      className={`btn btn-small${armed ? ' btn-active' : ''}`}
      data-testid="break-next"
      title={error ?? 'Pause the next request of this conversation before it is sent, to fix or answer it'}
      onClick={async () => {
        const failed = await attempt(() => getApi()['breakpoints:break-next']({ conversationId }))
        setError(failed)
        setArmed(failed === null)
      }}
    >
      {armed ? 'Will break on next request' : 'Break on next request'}
    </button>
  )
}
