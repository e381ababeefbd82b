import type { ClientInfo } from '@shared/types'
import { clientDetail, clientLabel } from '@shared/client-label'
import './clients.css'

/**
 * The agent or library that sent a request, as identified from its traffic; "unknown client" when nothing
 * told (null), nothing while not yet known (an exchange in flight, undefined).
 */
export function ClientChip({ client, testId = 'client-chip' }: { client: ClientInfo | null | undefined; testId?: string }) {
  if (client === undefined) return null
  if (client === null)
    return (
      <span className="chip client-chip client-unknown" data-testid={testId} data-client="" title="Nothing in the headers or the body names the client">
        unknown client
      </span>
    )
  return (
    <span className="chip client-chip" data-testid={testId} data-client={client.name} title={`Sent by ${clientDetail(client)}`}>
      {clientLabel(client)}
    </span>
  )
}

/** The list cell: the label, or a dash. */
export function ClientCell({ client, testId = 'exchange-client' }: { client: ClientInfo | null | undefined; testId?: string }) {
  return (
    <span className="cell cell-client" data-testid={testId} data-client={client?.name ?? ''} title={client ? clientDetail(client) : ''}>
      {client ? clientLabel(client) : <span className="dim">—</span>}
    </span>
  )
}
