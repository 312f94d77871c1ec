// The project's documents: title, type, source and date; sorted and filtered
// as the analyst asks; click (or Enter) to read. The list is one Tab stop
// (arrow keys move inside it, ui/useRovingList); a long one is drawn in a
// window (ui/useWindow).
import { useCallback, useMemo, useState } from 'react'
import { runImpl, withHint } from '../commands'
import { useStore } from '../store'
import { formatDay } from '../ui/format'
import { useRovingList } from '../ui/useRovingList'
import { useWindow } from '../ui/useWindow'
import { filterDocuments, KIND_LABELS, kindOf, NO_FILTER, sortDocuments, type LibraryFilter, type SortKey } from './arrange'
import { libraryCommands } from './commands'
import { ImportProgressBar } from './ImportProgressBar'
import { ImportReport } from './ImportReport'
import { LibraryControls } from './LibraryControls'
import { SearchBox } from './SearchBox'
import { SearchResults } from './SearchResults'
import './library.css'

export function LibraryPane() {
  const documents = useStore((s) => s.documents)
  const activeId = useStore((s) => s.doc?.id)
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const search = useStore((s) => s.search)
  const [sort, setSort] = useState<SortKey>('added')
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER)
  const shown = useMemo(() => sortDocuments(filterDocuments(documents, filter), sort), [documents, filter, sort])
  const ids = useMemo(() => shown.map((d) => d.id), [shown])
  const win = useWindow(shown.length)
  const roving = useRovingList(ids, activeId, win.reveal)
  // The Tab stop's row may be outside the window: the first row drawn holds it then.
  const stopAt = roving.stop === null ? -1 : ids.indexOf(roving.stop)
  const stopDrawn = stopAt >= win.first && stopAt < win.last
  const rovingRef = roving.listProps.ref
  const winRef = win.listProps.ref
  const listRef = useCallback(
    (el: HTMLElement | null) => {
      rovingRef(el)
      winRef(el)
    },
    [rovingRef, winRef]
  )

  return (
    <aside className="pane library" aria-label="Library">
      <div className="pane-head">
        <h2>Library</h2>
        <span className="muted">{documents.length}</span>
        <button type="button" className="small" onClick={() => void runImpl(libraryCommands['file.open'], 'button')} title={withHint('Open articles', 'file.open')}>
          + Files
        </button>
        <button type="button" className="small folder-button" onClick={() => void runImpl(libraryCommands['file.importFolder'], 'button')} title={withHint('Import a folder and its subfolders', 'file.importFolder')}>
          + Folder
        </button>
      </div>
      <ImportProgressBar />
      <ImportReport />
      <SearchBox />
      {search.query.trim() ? (
        <SearchResults hits={search.hits} query={search.query} busy={search.busy} />
      ) : (
        <>
          {documents.length > 1 && <LibraryControls documents={documents} sort={sort} onSort={setSort} filter={filter} onFilter={setFilter} shown={shown.length} />}
          <ul className="doc-list" role="listbox" aria-label="Documents" {...roving.listProps} {...win.listProps} ref={listRef}>
            {win.above > 0 && <li role="presentation" aria-hidden="true" className="doc-list-space" style={{ height: win.above }} />}
            {shown.slice(win.first, win.last).map((d, i) => {
              const kind = KIND_LABELS[kindOf(d.mediaType)]
              const at = win.first + i
              return (
                <li
                  key={d.id}
                  role="option"
                  data-row
                  aria-setsize={shown.length}
                  aria-posinset={at + 1}
                  {...roving.itemProps(d.id)}
                  {...(!stopDrawn && i === 0 ? { tabIndex: 0 as const } : {})}
                  aria-selected={d.id === activeId}
                  className={d.id === activeId ? 'selected' : undefined}
                  onClick={() => void guard(() => openDocument(d.id))}
                  onKeyDown={(e) => e.key === 'Enter' && void guard(() => openDocument(d.id))}
                >
                  <div className="doc-list-title">{d.title}</div>
                  <div className="doc-list-meta muted">
                    <span className={`kind-mark kind-${kindOf(d.mediaType)}`} title={kind.label}>
                      {kind.mark}
                    </span>
                    {[d.siteName ?? d.byline, formatDay(d.publishedTime)].filter(Boolean).join(' · ') || d.sourcePath.split(/[\\/]/).pop()}
                    {d.mentionCount > 0 && (
                      <span className="badge" title="Mentions tagged">
                        {d.mentionCount}
                      </span>
                    )}
                  </div>
                </li>
              )
            })}
            {win.below > 0 && <li role="presentation" aria-hidden="true" className="doc-list-space" style={{ height: win.below }} />}
            {documents.length === 0 && <li className="muted empty">No documents yet. Add articles with + Files or + Folder above, or drop files on the window.</li>}
            {documents.length > 0 && shown.length === 0 && <li className="muted empty">No document matches these filters.</li>}
          </ul>
        </>
      )}
    </aside>
  )
}
