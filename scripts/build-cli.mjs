// Bundles the headless command (src/main/cli.ts) for plain Node; node_modules stay external.
import { build } from 'esbuild'

await build({
  entryPoints: ['src/main/cli.ts'],
  outfile: 'out/cli/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning'
})
