// The project's documents: title, source and date; click to read.
import type { ImportResult } from '@contract/types'
import { runImpl, withHint } from '../commands'
import { useStore } from '../store'
import { formatDay } from '../ui/format'
import { libraryCommands } from './commands'
import { ImportProgressBar } from './ImportProgressBar'
import { SearchBox } from './SearchBox'
import { SearchResults } from './SearchResults'

function countOf(results: ImportResult[], status: ImportResult['status']): string {
  const n = results.filter((r) => r.status === status).length
  return n ? `, ${n} ${status}` : ''
}

export function LibraryPane() {
  const documents = useStore((s) => s.documents)
  const activeId = useStore((s) => s.doc?.id)
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const lastImport = useStore((s) => s.lastImport)
  const dismissImport = useStore((s) => s.dismissImport)
  const search = useStore((s) => s.search)

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
      {lastImport && (
        <div className="import-report" role="status">
          <div className="import-report-head">
            <strong>
              Import: {lastImport.filter((r) => r.status === 'imported').length} imported
              {countOf(lastImport, 'duplicate')}
              {countOf(lastImport, 'failed')}
              {countOf(lastImport, 'cancelled')}
            </strong>
            <button type="button" className="link" onClick={dismissImport} aria-label="Dismiss import report">
              ✕
            </button>
          </div>
          <ul>
            {lastImport.map((r) => (
              <li key={r.path} className={`import-${r.status}`}>
                <span className="import-status">{r.status}</span> {r.path.split(/[\\/]/).pop()}
                {r.reason && <div className="muted">{r.reason}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <SearchBox />
      {search.query.trim() ? (
        <SearchResults hits={search.hits} query={search.query} busy={search.busy} />
      ) : (
      <ul className="doc-list" role="listbox" aria-label="Documents">
        {documents.map((d) => (
          <li
            key={d.id}
            role="option"
            tabIndex={0}
            aria-selected={d.id === activeId}
            className={d.id === activeId ? 'selected' : undefined}
            onClick={() => void guard(() => openDocument(d.id))}
            onKeyDown={(e) => e.key === 'Enter' && void guard(() => openDocument(d.id))}
          >
            <div className="doc-list-title">{d.title}</div>
            <div className="doc-list-meta muted">
              {[d.siteName ?? d.byline, formatDay(d.publishedTime)].filter(Boolean).join(' · ') || d.sourcePath.split(/[\\/]/).pop()}
              {d.mentionCount > 0 && <span className="badge" title="Mentions tagged">{d.mentionCount}</span>}
            </div>
          </li>
        ))}
        {documents.length === 0 && <li className="muted empty">No documents yet. Add articles with File → Open.</li>}
      </ul>
      )}
    </aside>
  )
}
