// Text | Original: which view of a PDF the reader shows (a segmented pair of
// toggle buttons; nothing at all for documents without pages).
import { useEffect } from 'react'
import type { DocumentSummary } from '@contract/types'
import { loadPdfJs } from './pdfjs'
import { hasOriginalView, setReaderMode, useReaderMode } from './viewMode'

export function ViewSwitch({ doc }: { doc: Pick<DocumentSummary, 'mediaType'> }) {
  const mode = useReaderMode()
  const pdf = hasOriginalView(doc)
  // A PDF is open: load pdf.js and start its worker while the reader is idle, so Original opens at once.
  useEffect(() => {
    if (!pdf) return
    const id = requestIdleCallback(() => void loadPdfJs().catch(() => {}), { timeout: 3000 })
    return () => cancelIdleCallback(id)
  }, [pdf])
  if (!pdf) return null
  const button = (m: 'text' | 'original', label: string, hint: string) => (
    <button type="button" className={mode === m ? 'active' : ''} aria-pressed={mode === m} title={hint} onClick={() => setReaderMode(m)}>
      {label}
    </button>
  )
  return (
    <div className="view-switch" role="group" aria-label="Reader view">
      {button('text', 'Text', 'The document’s text, reflowed')}
      {button('original', 'Original', 'The PDF’s pages as published')}
    </div>
  )
}
