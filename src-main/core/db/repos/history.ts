// Undo/redo kept in the project, so it survives a restart.
//
// Every mutation op the worker runs is one action (recordAction): an
// history_actions row is opened and named in the TEMP table history_cursor,
// TEMP triggers copy every row the op inserts, updates or deletes in the
// tagging tables (cascades included) into history_changes as JSON row images,
// and the cursor is cleared again. The triggers are made when a project is
// opened (installHistory), from the tables' columns as they are then, so they
// always hold every column (a later migration that adds one needs no change
// here) and are never stored in the project file. An op that changed none of those tables
// leaves no action behind (importing a document is not undoable, but is
// audited). A new action clears the redo stack.
//
// Undo replays the action's changes backwards, writing the `before` images
// (ids included, so mentions pointing at a re-created entity point right
// again); redo replays them forwards with the `after` images. Each step first
// checks that the row is exactly as the action left it; if not (the project
// was changed by something that bypassed the history), nothing is applied
// and the step fails with CONFLICT instead of guessing.
import { userInfo } from 'node:os'
import type { HistoryState, HistoryStep } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { all, get, run, transaction, type Database } from '../sqlite'
import { writeAudit } from './audit'
import { StatementCache } from './statements'
import type { SqlValue } from 'sql.js'

/** The tables whose rows the history records (each has an INTEGER PRIMARY KEY id). */
export const TRACKED_TABLES = [
  'entities',
  'mentions',
  'entity_types',
  'entity_aliases',
  'claims',
  'claim_attributions',
  'entity_merges'
] as const
const TRACKED = new Set<string>(TRACKED_TABLES)

/** Ops that manage the history themselves. */
const NOT_RECORDED = new Set(['history.undo', 'history.redo'])

/** How many actions can be undone; older ones are forgotten. */
export const MAX_UNDO = 500

function osUser(): string {
  try {
    return userInfo().username || 'analyst'
  } catch {
    return 'analyst'
  }
}

let userName = osUser()
let pendingLabel: string | null = null

/** The name written to the audit log (set by main from the settings when a project opens). */
export function setUserName(name: string | null | undefined): { userName: string } {
  userName = name?.trim() || osUser()
  return { userName }
}

export function currentUserName(): string {
  return userName
}

/** Names the action being recorded ("Merge “DoD” into “Department of Defense”"). */
export function describeAction(label: string): void {
  pendingLabel = label
}

const installed = new WeakSet<Database>()

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * Creates the cursor and the row-image triggers for this connection (TEMP:
 * they live as long as the open database, not in the file). Idempotent;
 * called when a project is opened and before any action is recorded.
 */
export function installHistory(db: Database): void {
  if (installed.has(db)) return
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS history_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), action_id INTEGER);
     INSERT OR IGNORE INTO temp.history_cursor (id, action_id) VALUES (1, NULL);
     UPDATE temp.history_cursor SET action_id = NULL;`
  )
  const cursor = '(SELECT action_id FROM temp.history_cursor WHERE id = 1)'
  for (const tbl of TRACKED_TABLES) {
    const cols = all<{ name: string }>(db, `PRAGMA main.table_info(${q(tbl)})`).map((c) => c.name)
    if (!cols.length) throw new CoreError('INTERNAL', `history: table ${tbl} is missing`)
    const image = (ref: 'NEW' | 'OLD') => `json_object(${cols.map((c) => `'${c.replace(/'/g, "''")}', ${ref}.${q(c)}`).join(', ')})`
    const body = (rowRef: 'NEW' | 'OLD', before: string, after: string) =>
      `INSERT INTO history_changes (action_id, tbl, row_id, before, after) VALUES (${cursor}, '${tbl}', ${rowRef}.id, ${before}, ${after});`
    const when = `WHEN ${cursor} IS NOT NULL`
    db.exec(
      `DROP TRIGGER IF EXISTS temp.history_${tbl}_insert;
       DROP TRIGGER IF EXISTS temp.history_${tbl}_update;
       DROP TRIGGER IF EXISTS temp.history_${tbl}_delete;
       CREATE TEMP TRIGGER history_${tbl}_insert AFTER INSERT ON main.${q(tbl)} ${when}
       BEGIN ${body('NEW', 'NULL', image('NEW'))} END;
       CREATE TEMP TRIGGER history_${tbl}_update AFTER UPDATE ON main.${q(tbl)} ${when}
       BEGIN ${body('NEW', image('OLD'), image('NEW'))} END;
       CREATE TEMP TRIGGER history_${tbl}_delete AFTER DELETE ON main.${q(tbl)} ${when}
       BEGIN ${body('OLD', image('OLD'), 'NULL')} END;`
    )
  }
  installed.add(db)
}

interface ChangeRow {
  id: number
  tbl: string
  row_id: number
  before: string | null
  after: string | null
}
type Image = Record<string, SqlValue>

/** Rows changed by an action, per table and kind: { "mentions.insert": 3 }. */
function summarise(db: Database, actionId: number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of all<{ tbl: string; kind: string; n: number }>(
    db,
    `SELECT tbl, CASE WHEN before IS NULL THEN 'insert' WHEN after IS NULL THEN 'delete' ELSE 'update' END AS kind, count(*) AS n
       FROM history_changes WHERE action_id = ? GROUP BY 1, 2 ORDER BY 1, 2`,
    [actionId]
  )) {
    out[`${r.tbl}.${r.kind}`] = r.n
  }
  return out
}

function quoteText(s: unknown, max = 40): string {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

function entityName(db: Database, id: unknown): string {
  const row = get<{ name: string }>(db, 'SELECT name FROM entities WHERE id = ?', [Number(id)])
  return row ? row.name : `#${String(id)}`
}

/** A label for ops that did not describe themselves, from what they changed. */
function defaultLabel(db: Database, op: string, args: unknown, changes: ChangeRow[], summary: Record<string, number>): string {
  const img = (c: ChangeRow | undefined, side: 'before' | 'after'): Image | null => (c && c[side] ? (JSON.parse(c[side]!) as Image) : null)
  const a = (args ?? {}) as Record<string, unknown>
  switch (op) {
    case 'entities.create': {
      const e = img(changes.find((c) => c.tbl === 'entities'), 'after')
      return `Create entity “${quoteText(e?.name)}”`
    }
    case 'entities.update': {
      const c = changes.find((x) => x.tbl === 'entities')
      const b = img(c, 'before')
      const e = img(changes.filter((x) => x.tbl === 'entities').at(-1), 'after')
      if (a.name !== undefined && b && e && b.name !== e.name) return `Rename “${quoteText(b.name)}” to “${quoteText(e.name)}”`
      if (a.type !== undefined && b && e && b.type !== e.type) return `Change type of “${quoteText(e.name)}” to ${String(e.type)}`
      if (a.notes !== undefined) return `Edit notes of “${quoteText(e?.name ?? b?.name)}”`
      return `Edit “${quoteText(e?.name ?? b?.name)}”`
    }
    case 'entities.delete': {
      const e = img(changes.find((c) => c.tbl === 'entities' && c.after === null), 'before')
      return `Delete entity “${quoteText(e?.name)}”`
    }
    case 'mentions.create': {
      const m = img(changes.find((c) => c.tbl === 'mentions'), 'after')
      return `Tag “${quoteText(m?.quote)}” as ${entityName(db, m?.entity_id)}`
    }
    case 'mentions.delete': {
      const m = img(changes.find((c) => c.tbl === 'mentions'), 'before')
      return `Remove tag “${quoteText(m?.quote)}”`
    }
    case 'annotations.import': // the op's name before 2026-12
    case 'annotations.importCandidates':
      return `Import annotations (${summary['mentions.insert'] ?? 0} mentions, ${summary['claims.insert'] ?? 0} claims)`
    default:
      return op
  }
}

/** Audit labels for ops that touch no tracked table. */
function untrackedLabel(op: string, args: unknown): string {
  const a = (args ?? {}) as Record<string, unknown>
  switch (op) {
    case 'documents.insert':
      return `Import document “${quoteText(a.title, 80)}”`
    case 'documents.insertMany':
      return `Import ${Array.isArray(a.documents) ? a.documents.length : 0} documents`
    case 'documents.updateMeta':
      return `Edit details of document #${String(a.id)}`
    default:
      return op
  }
}

/**
 * Runs one mutation op as one undoable, audited action. Called by the worker
 * for every mutation; `fn` runs the op (ops make themselves atomic with
 * their own transaction).
 */
export function recordAction<T>(db: Database, op: string, args: unknown, now: string, fn: () => T): T {
  if (NOT_RECORDED.has(op)) return fn()
  installHistory(db)
  const actionId = run(db, 'INSERT INTO history_actions (op, label, user_name, created_at, undone) VALUES (?, ?, ?, ?, 0)', [
    op,
    op,
    userName,
    now
  ]).lastId
  db.run('UPDATE temp.history_cursor SET action_id = ? WHERE id = 1', [actionId])
  pendingLabel = null
  let out: T | undefined
  let failure: unknown = null
  try {
    out = fn()
  } catch (e) {
    failure = e
  } finally {
    db.run('UPDATE temp.history_cursor SET action_id = NULL WHERE id = 1')
  }
  const summary = summarise(db, actionId)
  const changed = Object.values(summary).reduce((a, b) => a + b, 0)
  // The first rows are enough to name an op that did not name itself.
  const label =
    pendingLabel ??
    (changed
      ? defaultLabel(db, op, args, all<ChangeRow>(db, 'SELECT id, tbl, row_id, before, after FROM history_changes WHERE action_id = ? ORDER BY id LIMIT 50', [actionId]), summary)
      : untrackedLabel(op, args))
  pendingLabel = null
  if (changed === 0) {
    db.run('DELETE FROM history_actions WHERE id = ?', [actionId])
  } else {
    db.run('UPDATE history_actions SET label = ? WHERE id = ?', [label, actionId])
    // A new action clears the redo stack.
    db.run('DELETE FROM history_actions WHERE undone = 1')
    db.run(
      'DELETE FROM history_actions WHERE id IN (SELECT id FROM history_actions WHERE undone = 0 ORDER BY id DESC LIMIT -1 OFFSET ?)',
      [MAX_UNDO]
    )
  }
  if (!failure || changed) {
    writeAudit(db, { at: now, user: userName, action: op, label: failure ? `${label} (failed part-way)` : label, details: summary })
  }
  if (failure) throw failure
  return out as T
}

export function historyState(db: Database): HistoryState {
  const u = get<{ label: string }>(db, 'SELECT label FROM history_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1')
  const r = get<{ label: string }>(db, 'SELECT label FROM history_actions WHERE undone = 1 ORDER BY id ASC LIMIT 1')
  return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null }
}

const columnCache = new Map<string, Set<string>>()
function columnsOf(db: Database, tbl: string): Set<string> {
  // Migration 0006 rewrote every step on a link into the claim it became; a
  // `relations` row left over (a file edited by hand) is refused, not guessed.
  if (tbl === 'relations') {
    throw new CoreError('CONFLICT', 'This step changes a link stored the way versions before links became claims stored them, and cannot be replayed; nothing was changed.')
  }
  if (!TRACKED.has(tbl)) throw new CoreError('INTERNAL', `history: ${tbl} is not a tracked table`)
  let cols = columnCache.get(tbl)
  if (!cols) {
    cols = new Set(all<{ name: string }>(db, `PRAGMA table_info("${tbl}")`).map((c) => c.name))
    columnCache.set(tbl, cols)
  }
  return cols
}

function sameRow(current: Image | undefined, image: Image): boolean {
  if (!current) return false
  for (const [k, v] of Object.entries(image)) if ((current[k] ?? null) !== (v ?? null)) return false
  return true
}

/** Moves one row from the `expected` image to the `target` image (null: no row). */
function applyImage(db: Database, st: StatementCache, tbl: string, rowId: number, expected: Image | null, target: Image | null): void {
  const cols = columnsOf(db, tbl)
  const current = st.get<Image>(`SELECT * FROM ${q(tbl)} WHERE id = ?`, [rowId])
  const conflict = () =>
    new CoreError('CONFLICT', 'The project has changed in a way this step cannot be replayed safely; nothing was changed.', { table: tbl, id: rowId })
  if (expected === null) {
    if (current) throw conflict()
  } else if (!sameRow(current, expected)) {
    throw conflict()
  }
  if (target === null) {
    st.run(`DELETE FROM ${q(tbl)} WHERE id = ?`, [rowId])
    return
  }
  const keys = Object.keys(target).filter((k) => cols.has(k))
  if (!keys.includes('id')) throw new CoreError('INTERNAL', `history: a ${tbl} image has no id`)
  const values = keys.map((k) => target[k] ?? null)
  if (expected === null) {
    st.run(`INSERT INTO ${q(tbl)} (${keys.map(q).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, values)
  } else {
    const set = keys.filter((k) => k !== 'id')
    st.run(`UPDATE ${q(tbl)} SET ${set.map((k) => `${q(k)} = ?`).join(', ')} WHERE id = ?`, [...set.map((k) => target[k] ?? null), rowId])
  }
}

const ENTITY_FIELDS = ['entity_id', 'subject_id', 'object_entity_id', 'kept_id']

function step(db: Database, direction: 'undo' | 'redo', now: string): HistoryStep {
  const action =
    direction === 'undo'
      ? get<{ id: number; label: string }>(db, 'SELECT id, label FROM history_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      : get<{ id: number; label: string }>(db, 'SELECT id, label FROM history_actions WHERE undone = 1 ORDER BY id ASC LIMIT 1')
  if (!action) return { ...historyState(db), label: null, changed: { tables: [], entityIds: [], documentIds: [] } }
  const changes = all<ChangeRow>(
    db,
    `SELECT id, tbl, row_id, before, after FROM history_changes WHERE action_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`,
    [action.id]
  )
  const tables = new Set<string>()
  const entityIds = new Set<number>()
  const documentIds = new Set<number>()
  const st = new StatementCache(db)
  try {
    transaction(db, () => {
      // Rows come back in the order the action wrote them; a parent may be
      // re-inserted after its children (cascades are recorded child first).
      db.exec('PRAGMA defer_foreign_keys = ON')
      for (const c of changes) {
        const before = c.before === null ? null : (JSON.parse(c.before) as Image)
        const after = c.after === null ? null : (JSON.parse(c.after) as Image)
        if (direction === 'undo') applyImage(db, st, c.tbl, c.row_id, after, before)
        else applyImage(db, st, c.tbl, c.row_id, before, after)
        tables.add(c.tbl)
        for (const img of [before, after]) {
          if (!img) continue
          if (c.tbl === 'entities') entityIds.add(c.row_id)
          for (const f of ENTITY_FIELDS) if (typeof img[f] === 'number') entityIds.add(img[f] as number)
          if (typeof img.document_id === 'number') documentIds.add(img.document_id)
        }
      }
      db.run('UPDATE history_actions SET undone = ? WHERE id = ?', [direction === 'undo' ? 1 : 0, action.id])
    })
  } finally {
    st.free()
  }
  writeAudit(db, {
    at: now,
    user: userName,
    action: `history.${direction}`,
    label: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${action.label}`,
    details: summarise(db, action.id)
  })
  return {
    ...historyState(db),
    label: action.label,
    changed: {
      tables: [...tables].sort(),
      entityIds: [...entityIds].sort((a, b) => a - b),
      documentIds: [...documentIds].sort((a, b) => a - b)
    }
  }
}

export function undo(db: Database, now: string): HistoryStep {
  return step(db, 'undo', now)
}

export function redo(db: Database, now: string): HistoryStep {
  return step(db, 'redo', now)
}
