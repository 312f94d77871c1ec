// Text | Original: which view of a PDF the reader shows (a segmented pair of
// toggle buttons; nothing at all for documents without pages).
import type { DocumentSummary } from '@contract/types'
import { hasOriginalView, setReaderMode, useReaderMode } from './viewMode'

export function ViewSwitch({ doc }: { doc: Pick<DocumentSummary, 'mediaType'> }) {
  const mode = useReaderMode()
  if (!hasOriginalView(doc)) return null
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
