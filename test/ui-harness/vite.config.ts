// Builds the renderer together with a fake InspectorApi, for screenshots and manual poking. Not used by src/.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))
const repo = resolve(here, '../..')

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(repo, 'src/shared') } },
  logLevel: 'warn',
  build: {
    outDir: resolve(repo, 'out/ui-harness'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true
  },
  server: { fs: { allow: [repo] } }
})
