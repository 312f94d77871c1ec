// Numbered, immutable SQL migrations, bundled into the build as text.
// Each file applied is recorded in schema_migrations and PRAGMA user_version.
// A migration that needs what SQL cannot do (Unicode case folding, the
// vocabulary) calls SQL functions registered here before any file runs; the
// files themselves stay plain SQL and immutable.
import { CoreError } from '../app/errors'
import { registerLinkFunctions } from '../tagging/legacyLinks'
import { all, pragmaValue, transaction, type Database } from './sqlite'

const files = import.meta.glob('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true
}) as Record<string, string>

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const name = path.split('/').pop()!.replace(/\.sql$/, '')
    const version = Number(name.split('_')[0])
    if (!Number.isInteger(version) || version < 1) throw new Error(`bad migration file name ${path}`)
    return { version, name, sql }
  })
  .sort((a, b) => a.version - b.version)

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0

export function schemaVersion(db: Database): number {
  return Number(pragmaValue(db, 'user_version') ?? 0)
}

/** Applies what is missing; refuses a file written by a newer app. */
export function migrate(db: Database, now: string): number[] {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION) {
    throw new CoreError(
      'PROJECT_INVALID',
      `This project was saved by a newer version of Research Workbench (schema ${current}; this version knows up to ${LATEST_VERSION}). Update the app to open it.`
    )
  }
  registerLinkFunctions(db)
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'
  )
  const applied = new Set(all<{ version: number }>(db, 'SELECT version FROM schema_migrations').map((r) => r.version))
  const done: number[] = []
  for (const m of MIGRATIONS) {
    if (m.version <= current && applied.has(m.version)) continue
    transaction(db, () => {
      db.exec(m.sql)
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now])
      // Never lower the version: a lower-numbered migration can arrive after
      // a higher one (branches merged in any order).
      db.exec(`PRAGMA user_version = ${Math.max(m.version, schemaVersion(db))}`)
    })
    done.push(m.version)
  }
  return done
}
