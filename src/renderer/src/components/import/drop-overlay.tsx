import { useEffect, useRef, useState } from 'react'
import { importFile } from '../../bridge/import-actions'
import './import.css'

const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')

/** Drop a file anywhere on the window to import it; the overlay says so while a file is dragged over. */
export function DropOverlay() {
  const [over, setOver] = useState(false)
  const depth = useRef(0)

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setOver(true)
    }
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return
      // Without this the browser opens the file instead of dropping it here.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setOver(false)
      const file = e.dataTransfer?.files[0]
      if (file) void importFile(file)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', overFn)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', overFn)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  if (!over) return null
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden>
      <div className="drop-card">
        <div className="drop-title">Drop to import</div>
        <div className="muted">A HAR, an exchange file or a request body: it is recorded and diagnosed; nothing is sent.</div>
      </div>
    </div>
  )
}
