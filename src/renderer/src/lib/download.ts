// Saves bytes the core produced (a repro zip) as a file: a Blob and an <a download>. Works in a browser (web
// mode) and in Electron, whose default download handler asks where to save.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has started by now; keep the URL a moment for slow shells.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
