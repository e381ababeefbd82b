// The CLI tests run the built command; build it (esbuild, about a second) when `npm run build` has not.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export default function setup(): void {
  if (!existsSync('out/cli/cli.js') || process.env.MIMO_REBUILD_CLI) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], { stdio: 'inherit' })
}
