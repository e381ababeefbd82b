// Browser entry of the harness: put a fake InspectorApi on window.inspector before the app starts, unless the
// page was opened in web mode (?mode=web), where the app must use its HTTP/WebSocket client instead.
import { createFakeInspector, type Scenario } from './fake-inspector'

const page = globalThis as unknown as { location: { search: string }; inspector?: unknown }
const query = new URLSearchParams(page.location.search)

if (query.get('mode') !== 'web') {
  const fake = createFakeInspector({
    scenario: (query.get('scenario') as Scenario | null) ?? 'full',
    rows: query.has('rows') ? Number(query.get('rows')) : undefined,
    live: query.get('live') === '1',
    latencyMs: query.has('latency') ? Number(query.get('latency')) : undefined,
    mitm: query.get('mitm') === '1'
  })
  page.inspector = fake.api
}
