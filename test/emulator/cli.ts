// `npm run emulator [-- --port N] [--flavour payg|token-plan]`: a MiMo stand-in to point the inspector at by hand.
import { parseArgs } from 'node:util'
import { startEmulator } from './server'

function fail(reason: string): never {
  console.error(`emulator: ${reason}`)
  process.exit(2)
}

let values: { port?: string; flavour?: string; help?: boolean }
try {
  ;({ values } = parseArgs({
    options: { port: { type: 'string' }, flavour: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true
  }))
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}

if (values.help) {
  console.log('Usage: npm run emulator -- [--port N (default 9100)] [--flavour payg|token-plan (default payg)]')
  process.exit(0)
}
const port = Number(values.port ?? '9100')
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`)
const flavour = values.flavour ?? 'payg'
if (flavour !== 'payg' && flavour !== 'token-plan') fail(`--flavour must be payg or token-plan, got ${flavour}`)

const emulator = await startEmulator({ port, flavour })
const keyPrefix = flavour === 'token-plan' ? 'tp-' : 'sk-'
console.log(`MiMo emulator (${flavour}, keys ${keyPrefix}…) listening on ${emulator.url}`)
console.log(`  Anthropic: ${emulator.url}/anthropic/v1/messages   OpenAI: ${emulator.url}/v1/chat/completions`)

// Stays up until interrupted; close() drops open and hanging connections so the exit is prompt.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0))
  })
}
