// How an identified client is named in the lists, the exchange header, the diagnosis and the commands' output.
import type { ClientInfo } from './types'

/** "OpenCode 1.18.33", "OpenCode", "OpenAI SDK (Python) 3.22.1". */
export function clientLabel(client: ClientInfo): string {
  return client.version ? `${client.name} ${client.version}` : client.name
}

/** The label with the library under it and how it was told: "Continue (OpenAI SDK (JS) 5.23.2; system prompt)". */
export function clientDetail(client: ClientInfo): string {
  const parts = [client.library, client.via].filter((p): p is string => !!p)
  return `${clientLabel(client)} (${parts.join('; ')})`
}
