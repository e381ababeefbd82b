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
