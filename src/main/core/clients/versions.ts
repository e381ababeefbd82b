// Dotted release numbers as agents print them ("2.1.197", "0.24.4", "1.1.53"); a suffix after the numbers
// ("-beta", ".d55") is ignored. Enough for version ranges of known issues, no full semver needed.

function parts(version: string): number[] {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(version.trim())
  return m ? m[1].split('.').map(Number) : []
}

/** Negative when a < b, 0 when equal, positive when a > b; null when either has no leading number. */
export function compareVersions(a: string, b: string): number | null {
  const x = parts(a)
  const y = parts(b)
  if (x.length === 0 || y.length === 0) return null
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Whether a version string starts with a release number at all. */
export function isVersion(version: string): boolean {
  return parts(version).length > 0
}
