// Full-text search results across all documents: ranked, with the matched
// words marked in the snippet; click one to open the reader at that place.
import type { SearchHit } from '@contract/types'
import { useMemo } from 'react'
import { useStore } from '../store'
import { useRovingList } from '../ui/useRovingList'
import { Highlighted } from './Highlighted'

export function SearchResults({ hits, query, busy }: { hits: SearchHit[]; query: string; busy: boolean }) {
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const open = (h: SearchHit) => void guard(() => openDocument(h.documentId, h.end > h.start ? { start: h.start, end: h.end } : undefined))
  // One Tab stop; arrow keys move between results.
  const ids = useMemo(() => hits.map((h) => h.documentId), [hits])
  const roving = useRovingList(ids)
  return (
    <ul className="search-results" role="listbox" aria-label="Search results" {...roving.listProps}>
      {hits.map((h) => (
        <li key={h.documentId} role="option" aria-selected={false} {...roving.itemProps(h.documentId)} onClick={() => open(h)} onKeyDown={(e) => e.key === 'Enter' && open(h)}>
          <div className="doc-list-title">
            <Highlighted text={h.title} ranges={h.titleHighlights} />
          </div>
          {h.snippet.text && (
            <div className="snippet">
              <Highlighted text={h.snippet.text} ranges={h.snippet.highlights} />
            </div>
          )}
          {h.siteName && <div className="muted doc-list-meta">{h.siteName}</div>}
        </li>
      ))}
      {!busy && hits.length === 0 && <li className="muted empty">No documents match “{query}”.</li>}
    </ul>
  )
}
