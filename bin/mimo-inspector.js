#!/usr/bin/env node
// Entry of the `mimo-inspector` command; the code is built into out/cli by `npm run build` (run by prepare).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = new URL('../out/cli/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('mimo-inspector: not built yet; run `npm run build` in ' + fileURLToPath(new URL('..', import.meta.url)) + '\n')
  process.exit(1)
}
await import(built.href)
