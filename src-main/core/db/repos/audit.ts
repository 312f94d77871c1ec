// The audit log: who did what, when. One row per successful change to the
// project (every mutation op, undo and redo), written by the worker in the
// same request as the change.
import type { AuditEntry, AuditPage } from '../../../contract/types'
import { all, get, type Database } from '../sqlite'

export function writeAudit(
  db: Database,
  e: { at: string; user: string; action: string; label: string; details?: Record<string, number> }
): void {
  db.run('INSERT INTO audit_log (at, user_name, action, label, details) VALUES (?, ?, ?, ?, ?)', [
    e.at,
    e.user,
    e.action,
    e.label,
    JSON.stringify(e.details ?? {})
  ])
}

/** Newest first. */
export function listAudit(db: Database, a: { limit?: number; offset?: number }): AuditPage {
  const limit = a.limit ?? 100
  const offset = a.offset ?? 0
  const rows = all<{ id: number; at: string; user: string; action: string; label: string; details: string }>(
    db,
    'SELECT id, at, user_name AS user, action, label, details FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?',
    [limit, offset]
  )
  const entries: AuditEntry[] = rows.map((r) => {
    let details: Record<string, number> = {}
    try {
      details = JSON.parse(r.details) as Record<string, number>
    } catch {
      // a damaged row still lists
    }
    return { ...r, details }
  })
  return { entries, total: get<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log')!.n }
}
