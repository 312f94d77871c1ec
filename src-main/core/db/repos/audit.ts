// The audit log: who did what, when. One row per successful change to the
// project (every mutation op, undo and redo), written by the worker in the
// same request as the change.
import { VIEW_ACTIONS, type AuditEntry, type AuditPage } from '../../../contract/history'
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

/** Newest first; with `editsOnly`, view changes (VIEW_ACTIONS) are left out and counted. */
export function listAudit(db: Database, a: { limit?: number; offset?: number; editsOnly?: boolean }): AuditPage {
  const limit = a.limit ?? 100
  const offset = a.offset ?? 0
  const marks = VIEW_ACTIONS.map(() => '?').join(', ')
  const where = a.editsOnly ? `WHERE action NOT IN (${marks})` : ''
  const params: (string | number)[] = a.editsOnly ? [...VIEW_ACTIONS] : []
  const rows = all<{ id: number; at: string; user: string; action: string; label: string; details: string }>(
    db,
    `SELECT id, at, user_name AS user, action, label, details FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
    [...params, limit, offset]
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
  const everything = get<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log')!.n
  const total = a.editsOnly ? get<{ n: number }>(db, `SELECT count(*) AS n FROM audit_log ${where}`, params)!.n : everything
  return { entries, total, hidden: everything - total }
}
