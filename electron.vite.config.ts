import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { buildPersistWorker } from './scripts/persist-worker-build'

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // The core runs in plain Node too (CLI, web mode); keep node_modules external like any Node program.
      externalizeDeps: true,
      // One entry, so no code moves into shared chunks: the persister's `import.meta.url` is index.js's.
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } }
    },
    // The persist worker, loaded by path beside index.js, is built on its own as one self-contained file.
    plugins: [{ name: 'persist-worker', writeBundle: (options) => buildPersistWorker(options.dir ?? resolve(import.meta.dirname, 'out/main'), import.meta.dirname) }]
  },
  preload: {
    resolve: { alias: shared },
    // A sandboxed preload must be one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: shared },
    plugins: [react()],
    build: { outDir: 'out/renderer' }
  }
})
