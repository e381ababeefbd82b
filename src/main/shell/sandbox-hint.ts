// Ubuntu 23.10 and later restrict unprivileged user namespaces with AppArmor. Chromium's sandbox needs one
// (or a setuid-root chrome-sandbox), and the Electron that npm installs has neither, so it aborts at start
// with "The SUID sandbox helper binary was found, but is not configured correctly" (electron/electron#41066,
// #42510). `npm start` runs the app through `runWatchingSandbox`, which passes the output on untouched and,
// when Electron died of this, prints what to do: an AppArmor profile for that binary (the fix electron#41066
// and electron-builder#8635 settled on; the installed .deb ships one), or a setuid chrome-sandbox.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import type { Writable } from 'node:stream'

const ABORT_TEXTS = [/The SUID sandbox helper binary was found, but is not configured correctly/, /No usable sandbox!/]

export const APPARMOR_PROFILE_NAME = 'mimo-inspector-electron'

export function isSandboxAbort(output: string): boolean {
  return ABORT_TEXTS.some((re) => re.test(output))
}

/** The hint, with the commands for this Electron binary. */
export function sandboxHint(electronPath: string): string {
  const profile = `/etc/apparmor.d/${APPARMOR_PROFILE_NAME}`
  const sandbox = join(dirname(electronPath), 'chrome-sandbox')
  const body = `abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile ${APPARMOR_PROFILE_NAME} "%s" flags=(unconfined) {\\n  userns,\\n}\\n`
  return [
    '',
    'MiMo Inspector: Electron stopped because Chromium\'s sandbox cannot start here.',
    'Ubuntu 23.10 and later allow unprivileged user namespaces only to programs with an AppArmor profile, and the',
    'Electron that npm installed has none. Give it one (the sandbox stays on), then run `npm start` again:',
    '',
    `  printf '${body}' "${electronPath}" | sudo tee ${profile} >/dev/null && sudo apparmor_parser -r ${profile}`,
    '',
    'or make its sandbox helper setuid root (undone by the next npm install):',
    '',
    `  sudo chown root:root "${sandbox}" && sudo chmod 4755 "${sandbox}"`,
    '',
    'README, "Ubuntu 23.10 and later", says more. Running with --no-sandbox is not a fix: it turns the sandbox off.',
    ''
  ].join('\n')
}

export interface WatchOptions {
  electronPath: string
  stdout: Writable
  stderr: Writable
}

/** Runs the command with its output passed through; prints the hint after it when Electron aborted. */
export function runWatchingSandbox(command: string, args: string[], { electronPath, stdout, stderr }: WatchOptions): Promise<number> {
  const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'] })
  // The abort line can arrive cut across chunks: keep the tail of each stream.
  let tail = ''
  let aborted = false
  const watch = (out: Writable) => (chunk: Buffer) => {
    out.write(chunk)
    tail = (tail + chunk.toString('utf8')).slice(-4096)
    if (!aborted && isSandboxAbort(tail)) aborted = true
  }
  child.stdout!.on('data', watch(stdout))
  child.stderr!.on('data', watch(stderr))
  return new Promise((resolve) => {
    child.on('error', (err) => {
      stderr.write(`${command}: ${err.message}\n`)
      resolve(1)
    })
    child.on('close', (code, signal) => {
      if (aborted) stderr.write(sandboxHint(electronPath))
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0))
    })
  })
}
