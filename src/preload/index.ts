// The bridge: window.inspector with one named method per call in the contract and `on` for events.
// Nothing else of Electron reaches the page (contextIsolation + sandbox).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, type EventName } from '../shared/channels'

type Listener = (payload: unknown) => void

const methods: Record<string, (arg: unknown) => Promise<unknown>> = {}
for (const name of CALL_NAMES) methods[name] = (arg) => ipcRenderer.invoke(name, arg ?? null)

const listeners = new Map<EventName, Set<Listener>>()
ipcRenderer.on(IPC_EVENT_CHANNEL, (_e: IpcRendererEvent, message: { event: EventName; payload: unknown }) => {
  for (const l of listeners.get(message.event) ?? []) l(message.payload)
})

function on(event: EventName, listener: Listener): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`)
  let set = listeners.get(event)
  if (!set) listeners.set(event, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

contextBridge.exposeInMainWorld('inspector', { ...methods, on })
