import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // The core runs in plain Node too (CLI, web mode); keep node_modules external like any Node program.
      externalizeDeps: true,
      rollupOptions: {
        // The persist worker is loaded by path at run time, so it is an entry of its own beside index.js.
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts'), 'persist-worker': resolve(import.meta.dirname, 'src/main/core/capture/persist-worker.ts') }
      }
    }
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
