// `npm start`: the desktop app through `electron-vite preview`, with a hint when Ubuntu's AppArmor stops
// Electron's sandbox (src/main/shell/sandbox-hint.ts). Arguments after `--` go to electron-vite.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { runWatchingSandbox } from '../src/main/shell/sandbox-hint'

const require = createRequire(import.meta.url)

/** The binary electron-vite will run (it honours ELECTRON_EXEC_PATH too). */
function electronPath(): string {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  try {
    return require('electron') as string
  } catch {
    return require.resolve('electron').replace(/index\.js$/, 'dist/electron')
  }
}

// The package's exports hide its bin; it sits beside dist/.
const electronVite = join(dirname(require.resolve('electron-vite')), '../bin/electron-vite.js')
const code = await runWatchingSandbox(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { electronPath: electronPath(), stdout: process.stdout, stderr: process.stderr })
process.exitCode = code
