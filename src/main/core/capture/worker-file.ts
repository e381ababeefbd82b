// Where the persist worker is. Built (out/main, out/cli): the self-contained persist-worker.js beside the
// bundle that holds this code, and in the packaged app the same path under app.asar.unpacked (worker threads
// cannot load code from inside an asar; electron-builder's asarUnpack puts the file there). From source (tests,
// tsx): the .ts file. A built bundle without its worker is an incomplete build: it fails with that, and
// never falls back to the source and a dev dependency.
import { existsSync } from 'node:fs'
import { sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export type WorkerFile = { kind: 'built'; path: string } | { kind: 'source'; url: string }

/** Outside the asar: `…/app.asar/out/main/x.js` → `…/app.asar.unpacked/out/main/x.js`. */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`)
}

/** `moduleUrl`: the import.meta.url of the code asking (the bundle when built, persister.ts from source). */
export function persistWorkerFile(moduleUrl: string): WorkerFile {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return { kind: 'source', url: new URL('./persist-worker.ts', moduleUrl).href }
  const path = unpackedPath(fileURLToPath(new URL('./persist-worker.js', moduleUrl)))
  if (!existsSync(path)) throw new Error(`the persist worker ${path} is missing: the build is incomplete (run \`npm run build\`)`)
  return { kind: 'built', path }
}
