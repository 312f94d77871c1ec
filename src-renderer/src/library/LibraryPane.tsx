// The project's documents: title, source and date; click to read.
import { useStore } from '../store'

function shortDate(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export function LibraryPane() {
  const documents = useStore((s) => s.documents)
  const activeId = useStore((s) => s.doc?.id)
  const openDocument = useStore((s) => s.openDocument)
  const openFiles = useStore((s) => s.openFiles)
  const guard = useStore((s) => s.guard)
  const lastImport = useStore((s) => s.lastImport)
  const dismissImport = useStore((s) => s.dismissImport)

  return (
    <aside className="pane library" aria-label="Library">
      <div className="pane-head">
        <h2>Library</h2>
        <span className="muted">{documents.length}</span>
        <button type="button" className="small" onClick={() => void guard(openFiles)} title="Open articles (Ctrl+O)">
          + Add
        </button>
      </div>
      {lastImport && (
        <div className="import-report" role="status">
          <div className="import-report-head">
            <strong>Import</strong>
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
              {[d.siteName ?? d.byline, shortDate(d.publishedTime)].filter(Boolean).join(' · ') || d.sourcePath.split(/[\\/]/).pop()}
              {d.mentionCount > 0 && <span className="badge" title="Mentions tagged">{d.mentionCount}</span>}
            </div>
          </li>
        ))}
        {documents.length === 0 && <li className="muted empty">No documents yet. Add articles with File → Open.</li>}
      </ul>
    </aside>
  )
}
