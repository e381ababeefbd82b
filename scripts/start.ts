// `npm start`: the desktop app through `electron-vite preview`, with a hint when Ubuntu's AppArmor stops
// Electron's sandbox (src/main/shell/sandbox-hint.ts). Arguments after `--` go to electron-vite.
import { existsSync } from 'node:fs'
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

// Electron's binary comes from its install script, which needs internet: without it, say what to do instead of
// electron-vite's bare "Electron uninstall".
const binary = electronPath()
if (!existsSync(binary)) {
  console.error(
    `No Electron binary at ${binary}: its download did not run (no internet, or ELECTRON_SKIP_BINARY_DOWNLOAD set).\n` +
      'Install it with internet access (npm install electron), or run the same app in a browser: npx mimo-inspector serve'
  )
  process.exit(1)
}

// The package's exports hide its bin; it sits beside dist/.
const electronVite = join(dirname(require.resolve('electron-vite')), '../bin/electron-vite.js')
const code = await runWatchingSandbox(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { electronPath: binary, stdout: process.stdout, stderr: process.stderr })
process.exitCode = code
