// The renderer's single doorway to the shared contract, so the rest of the UI never imports @shared/api directly.
export { WEB, CALL_NAMES, EVENT_NAMES } from '@shared/channels'
export type { ApiEvents, CallArg, CallName, CallResults, EventName, InspectorApi } from '@shared/api'
