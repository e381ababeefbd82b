// Bundles the headless command (src/main/cli.ts) for plain Node; node_modules stay external. The persist
// worker beside it is built self-contained (scripts/persist-worker-build.ts).
import { build } from 'esbuild'
import { buildPersistWorker } from './persist-worker-build'

await build({
  entryPoints: { cli: 'src/main/cli.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning'
})
await buildPersistWorker('out/cli')
