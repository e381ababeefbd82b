// Builds the real renderer alone (src/renderer/index.html), the way electron-vite's renderer section does, for
// when main/preload are not buildable yet. Output: out/renderer-only/.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

export default defineConfig({
  root: resolve(repo, 'src/renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(repo, 'src/shared') } },
  logLevel: 'warn',
  build: { outDir: resolve(repo, 'out/renderer-only'), emptyOutDir: true, target: 'chrome120' }
})
