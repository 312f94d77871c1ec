// Drop files or folders anywhere on the window to import them.
import { useEffect, useState } from 'react'
import { pathForFile } from '../api'
import { useStore } from '../store'

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')
}

export function DropZone() {
  const [over, setOver] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth++
      setOver(true)
    }
    const overH = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.dataTransfer!.dropEffect = 'copy'
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth = 0
      setOver(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      const paths = files.map((f) => pathForFile(f)).filter(Boolean)
      const s = useStore.getState()
      if (!paths.length) {
        s.notify('error', 'Those items have no file on disk to import (drop files or folders from your file manager).')
        return
      }
      void s.guard(() => s.importDropped(paths))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', overH)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', overH)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])
  if (!over) return null
  return (
    <div className="dropzone" aria-hidden="true">
      <div className="dropzone-card">Drop files or folders to import them</div>
    </div>
  )
}
