// Loading sql.js and small typed helpers over its statement API.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Database, SqlJsStatic, SqlValue } from 'sql.js'

export type { Database }
export type Params = SqlValue[] | Record<string, SqlValue>

let sqlPromise: Promise<SqlJsStatic> | null = null

/** sql.js is loaded once per thread; the wasm is read by path (see PLATFORM.md). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlPromise) {
    const require = createRequire(import.meta.url)
    // require(), not import: sql.js is CommonJS, and importing it from ESM
    // first scans its 100 kB of source for named exports (a third of the
    // cost of loading it, paid by every `rwb` command that reads a project).
    const initSqlJs = require('sql.js') as (config?: object) => Promise<SqlJsStatic>
    const wasmBinary = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'))
    sqlPromise = initSqlJs({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer })
  }
  return sqlPromise
}

export function all<T>(db: Database, sql: string, params: Params = []): T[] {
  const stmt = db.prepare(sql)
  try {
    stmt.bind(params)
    const rows: T[] = []
    while (stmt.step()) rows.push(stmt.getAsObject() as T)
    return rows
  } finally {
    stmt.free()
  }
}

export function get<T>(db: Database, sql: string, params: Params = []): T | undefined {
  return all<T>(db, sql, params)[0]
}

/** Runs a write and returns the new rowid and the number of rows changed. */
export function run(db: Database, sql: string, params: Params = []): { lastId: number; changes: number } {
  db.run(sql, params)
  const changes = db.getRowsModified()
  const row = get<{ id: number }>(db, 'SELECT last_insert_rowid() AS id')
  return { lastId: row?.id ?? 0, changes }
}

export function pragmaValue(db: Database, pragma: string): SqlValue {
  const res = db.exec(`PRAGMA ${pragma}`)
  return res[0]?.values[0]?.[0] ?? null
}

export function transaction<T>(db: Database, fn: () => T): T {
  db.exec('BEGIN')
  try {
    const out = fn()
    db.exec('COMMIT')
    return out
  } catch (e) {
    db.exec('ROLLBACK')
    throw e
  }
}

/**
 * SQLite's quick_check over every stored table and its indexes, one table at
 * a time, skipping virtual tables. A plain `PRAGMA quick_check` also runs the
 * FTS4 index's own integrity check (FTS3/4 ignore "quick" and re-tokenise
 * every document): 200-600 ms on a project of 1,000 articles, most of a
 * save's time. The FTS index's shadow tables are ordinary tables and are still
 * checked page by page here; only the derived search index's agreement with
 * the text is not (search rebuilds can repair that; no user data lives there).
 * Returns 'ok' or the first problems found.
 */
export function structuralCheck(db: Database): string {
  const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")[0]?.values ?? []
  const names = ['sqlite_master', ...tables.map((r) => String(r[0]))]
  for (const name of names) {
    const rows = db.exec(`PRAGMA quick_check("${name.replace(/"/g, '""')}")`)[0]?.values ?? []
    const result = rows.map((r) => String(r[0])).join('; ')
    if (result !== 'ok') return result || 'no result'
  }
  return 'ok'
}
