// Bundles the headless command (src/main/cli.ts) for plain Node; node_modules stay external.
import { build } from 'esbuild'

await build({
  // The persist worker is loaded by path at run time, so it is an entry of its own beside cli.js.
  entryPoints: { cli: 'src/main/cli.ts', 'persist-worker': 'src/main/core/capture/persist-worker.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning'
})
