// What the last import did, file by file. Files are named by what tells them
// apart ("guardian-1/source.html", not "source.html" twelve times).
import type { ImportResult } from '@contract/types'
import { useStore } from '../store'
import { displayName } from './arrange'

function countOf(results: ImportResult[], status: ImportResult['status']): string {
  const n = results.filter((r) => r.status === status).length
  return n ? `, ${n} ${status}` : ''
}

export function ImportReport() {
  const lastImport = useStore((s) => s.lastImport)
  const dismissImport = useStore((s) => s.dismissImport)
  if (!lastImport) return null
  return (
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
          <li key={r.path} className={`import-${r.status}`} title={r.path}>
            <span className="import-status">{r.status}</span> {displayName(r.path)}
            {r.reason && <div className="muted">{r.reason}</div>}
          </li>
        ))}
      </ul>
    </div>
  )
}
