// A typed event hub for the contract's events; adapters (IPC, WebSocket) subscribe to all of them.
import type { ApiEvents, EventName } from '../../shared/api'

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void
type AnyListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void

export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>()
  private readonly all = new Set<AnyListener>()

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener<EventName>)
    return () => set.delete(listener as Listener<EventName>)
  }

  onAny(listener: AnyListener): () => void {
    this.all.add(listener)
    return () => this.all.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload)
    for (const l of this.all) l(event, payload)
  }
}
