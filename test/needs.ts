// Suites that need a machine tool (openssl for test certificates, /dev/full for a full disk) skip where it is
// missing, saying so; under CI (CI=true, set by .ci/run, which installs them) a missing tool fails the run
// instead, so a green CI cannot hide a suite that never ran.
export function skipUnless(available: boolean, what: string): boolean {
  if (available) return false
  if (process.env.CI === 'true') throw new Error(`${what} is missing on this CI machine: .ci/run must install it (the suite that needs it would be skipped)`)
  console.warn(`skipping: ${what} is missing on this machine`)
  return true
}
