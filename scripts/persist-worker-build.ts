// The persist worker as ONE self-contained file (every import bundled in, Node built-ins aside). It is
// loaded by path in a worker thread, and in the packaged app it sits outside the asar
// (app.asar.unpacked/out/main/), where the app's node_modules cannot be resolved: so it must need none.
// Used by electron.vite.config.ts (out/main) and scripts/build-cli.ts (out/cli).
import { build } from 'esbuild'
import { join } from 'node:path'

export const PERSIST_WORKER_ENTRY = 'src/main/core/capture/persist-worker.ts'
export const PERSIST_WORKER_FILE = 'persist-worker.js'

export async function buildPersistWorker(outdir: string, root = process.cwd()): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [PERSIST_WORKER_ENTRY],
    outfile: join(outdir, PERSIST_WORKER_FILE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS code that calls require() for a built-in needs a real require in an ES module.
    banner: { js: "import { createRequire as __workerRequire } from 'node:module'; const require = __workerRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning'
  })
}
