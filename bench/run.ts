// `npm run bench`: runs the benchmarks and appends the results, with machine details, to bench/README.md.
// `npm run bench -- proxy --runs 3` runs one (the proxy bench repeats its set --runs times, 5 by default;
// `--baseline DIR` adds the serve of another built checkout, e.g. the commit before a change, to the same run;
// `--no-ui` leaves the UI's event stream unconnected);
// BENCH_NO_APPEND=1 only prints.
import { appendFileSync, rmSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { proxyOverhead } from './proxy-overhead'
import { storeSession } from './store-session'
import { diagnoseBench } from './diagnose'
import { groupingBench } from './grouping'
import { minimizeBench } from './minimize'
import { mitmBench } from './mitm'
import { uiBench } from './ui'
import { peerProxiesBench } from './peer-proxies'
import { mitmPeersBench } from './mitm-peers'
import { parsersBench } from './parsers'
import { evidenceBench } from './evidence'
import { repairBench } from './repair-overhead'
import { recordSession, searchBench, searchThroughServe } from './store-search'
import { SESSION_500 } from './store-session'

const which = process.argv[2] ?? 'all'
const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}
const runs = flag('--runs') ? Number(flag('--runs')) : undefined
const baseline = flag('--baseline')
const sections: string[] = []
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
sections.push(`\n## Run of ${new Date().toISOString()} (${machine})\n`)
if (which === 'all' || which === 'proxy') sections.push('### Proxy overhead (loopback, each proxy in its own process)\n\n' + (await proxyOverhead({ runs, baseline, ui: !process.argv.includes('--no-ui') })) + '\n')
if (which === 'all' || which === 'repair') sections.push('### Repair rules: added latency for a 1 MB request (each serve in its own process)\n\n' + (await repairBench(runs)) + '\n')
if (which === 'all' || which === 'store') sections.push('### Store: generated agent sessions\n\n' + (await storeSession()) + '\n')
if (which === 'all' || which === 'search') {
  const dir = recordSession(SESSION_500)
  try {
    sections.push('### Body search: the 500-request session\n\nIn-process, each query on a freshly opened store:\n\n' + (await searchBench(dir)) + '\n')
    sections.push('Through `mimo-inspector serve` (own process, the web UI\'s calls and events; the store opened once):\n\n' + (await searchThroughServe(dir)) + '\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
if (which === 'all' || which === 'diagnose') sections.push('### Diagnose: 5 MB request, 1,000 messages\n\n' + (await diagnoseBench()) + '\n')
if (which === 'all' || which === 'parsers') sections.push('### Parsers on multi-MB inputs\n\n' + (await parsersBench()) + '\n')
if (which === 'all' || which === 'evidence') sections.push('### Evidence lookup: the recorded response behind each turn\n\n' + (await evidenceBench()) + '\n')
if (which === 'all' || which === 'grouping') sections.push('### Conversation grouping\n\n' + (await groupingBench()) + '\n')
if (which === 'all' || which === 'minimize') sections.push('### Minimize: oracle calls against history length\n\n' + (await minimizeBench()) + '\n')
if (which === 'all' || which === 'mitm') sections.push('### Forward (MITM) proxy\n\n' + (await mitmBench()) + '\n')
if (which === 'all' || which === 'peers') sections.push('### Beside other proxies (loopback)\n\n' + (await peerProxiesBench()) + '\n')
if (which === 'all' || which === 'mitm-peers') sections.push('### Forward proxies side by side (loopback)\n\n' + (await mitmPeersBench()) + '\n')
if (which === 'all' || which === 'ui') sections.push('### UI in Chromium: 10,000 exchanges (web mode)\n\n' + (await uiBench()) + '\n')
const text = sections.join('\n')
process.stdout.write(text + '\n')
if (!process.env.BENCH_NO_APPEND) appendFileSync(new URL('./README.md', import.meta.url), text)
