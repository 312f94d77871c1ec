// Opening a project as it was last acknowledged: the base file (validated and
// migrated by openProjectFile) plus the edits of its journal replayed in
// memory (journal.ts explains the format and why replay is exact). Only
// reads files: the worker decides what to write afterwards (continue the
// journal, or compact), and the CLI's read-only commands and the tests use
// this as it is, so everything reads a project the same way.
//
// Trade-off: the replay code (every op) is loaded only when there are
// records to replay, so a compacted project opens without it (the CLI's
// start-up stays small).
import { basename } from 'node:path'
import { journalPath, readJournal, type JournalRead } from './journal'
import { attachOriginals } from './originals'
import { migratedAtOpen, openProjectFile, type CheckDepth } from './projectFile'
import { get, type Database } from './sqlite'

export interface OpenedProject {
  db: Database
  /** journal_base of the base: null for a file saved by a version without the journal. */
  baseId: string | null
  /** Migrations changed the base while opening it. */
  migrated: boolean
  /** The journal that continues this base (its records are replayed), or null. */
  journal: JournalRead | null
  replayed: number
  /** The id in the header of the journal found beside the base (whatever it belongs to), or null. */
  journalId: string | null
  /** A journal superseded by the base was found (a compaction was cut short after writing the base). */
  stale: boolean
  /** A journal that must be kept aside (not replayed, or not wholly): why, and what to tell the user. */
  problem: { kind: 'damaged' | 'unused' | 'diverged'; message: string } | null
}

export function metaValue(db: Database, key: string): string | null {
  return get<{ value: string }>(db, 'SELECT value FROM project_meta WHERE key = ?', [key])?.value || null
}

/**
 * `writable`: the caller will write this project (the database worker), so
 * originals replayed from the journal go to its originals folder; otherwise
 * they are only read from it (originals.ts).
 */
export async function openProject(path: string, now: string, depth: CheckDepth = 'full', writable = false): Promise<OpenedProject> {
  // The journal is read before the base. Under the lock nothing changes
  // between the two reads; without it (the CLI reading a project the app has
  // open) a compaction may run in between, and this order still pairs them
  // right: a compaction renames its base into place before it replaces the
  // journal, so a base read after a journal is that journal's base or a
  // later one that supersedes it (its journal_prev), never an older one.
  let read: JournalRead | null = null
  let readError: Error | null = null
  try {
    read = readJournal(path)
  } catch (e) {
    readError = e as Error
  }
  let db = await openProjectFile(path, now, depth)
  attachOriginals(db, path, writable)
  const migrated = migratedAtOpen.has(db)
  const baseId = metaValue(db, 'journal_base')
  const name = basename(journalPath(path))
  const out: OpenedProject = { db, baseId, migrated, journal: null, replayed: 0, journalId: null, stale: false, problem: null }
  if (readError) {
    out.problem = { kind: 'damaged', message: `The edit journal ${name} is damaged (${readError.message}); it was not applied.` }
    return out
  }
  if (!read) return out
  out.journalId = read.header.baseId
  if (!baseId || read.header.baseId !== baseId) {
    if (baseId && read.header.baseId === metaValue(db, 'journal_prev')) out.stale = true
    else out.problem = { kind: 'unused', message: `The edit journal ${name} belongs to another version of this file; it was not applied.` }
    return out
  }
  out.journal = read
  if (read.records.length) {
    const { replayRecords } = await import('./mutate')
    const r = replayRecords(db, read.records)
    out.replayed = r.replayed
    if (r.diverged) {
      // The diverging edit has run: start again from the base and replay only what came out the same.
      db.close()
      db = out.db = await openProjectFile(path, now, depth)
      attachOriginals(db, path, writable)
      replayRecords(db, read.records.slice(0, r.replayed))
      out.problem = { kind: 'diverged', message: `Only the first ${r.replayed} of ${read.records.length} unsaved edits could be restored: ${r.diverged}.` }
      return out
    }
  }
  if (read.damaged) {
    out.problem = { kind: 'damaged', message: `The edit journal ${name} is damaged after its first ${read.records.length} edits (${read.damaged}); those were restored.` }
  }
  return out
}
