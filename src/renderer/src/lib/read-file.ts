/** Read a file as UTF-8 text, reporting bytes read as it goes (a long session's HAR runs to hundreds of MB). */
export function readFileText(file: Blob, onProgress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.onabort = () => reject(new Error('reading the file was cancelled'))
    reader.readAsText(file, 'utf-8')
  })
}

/** Read a file's bytes as base64 (a zip: the import call takes bytes), reporting bytes read as it goes. */
export function readFileBase64(file: Blob, onProgress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    // A data: URL is the browser's own base64 of the bytes; the part after the comma is what the core wants.
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.slice(reader.result.indexOf(',') + 1) : '')
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.onabort = () => reject(new Error('reading the file was cancelled'))
    reader.readAsDataURL(file)
  })
}
