// Text | Original: which view of a PDF the reader shows (a segmented pair of
// toggle buttons; nothing at all for documents without pages).
import { useEffect } from 'react'
import type { DocumentSummary } from '@contract/types'
import { readAhead } from './pdfCache'
import { hasOriginalView, setReaderMode, useReaderMode } from './viewMode'

type Doc = Pick<DocumentSummary, 'id' | 'mediaType' | 'sha256' | 'fileSize'>

export function ViewSwitch({ doc }: { doc: Doc }) {
  const mode = useReaderMode()
  const pdf = hasOriginalView(doc)
  // A PDF is in the reader: read and open it now (an effect runs after the text is painted; the
  // parse is in pdf.js's worker), so Original opens at once; another document closes the one held (pdfCache.ts).
  const { id, sha256, fileSize } = doc
  useEffect(() => readAhead(pdf ? { id, sha256, fileSize } : null), [pdf, id, sha256, fileSize])
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
