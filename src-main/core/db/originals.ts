// Imported originals kept outside the database: `<project>.originals/<sha256>.gz`
// beside the project file, one gzip file per original, named by the SHA-256
// of the original's bytes (documents.sha256). A document whose original is
// there has an empty `original_gzip` in the database.
//
// WHY. sql.js holds the whole database in memory, and every compaction
// exports and rewrites all of it. Originals were four fifths of a project
// (48 of 61 MB at 1,000 articles) and never change after import: out of the
// database they cost no memory, and a compaction no longer rewrites them.
//
// TRADE-OFFS.
// - A project is then a file plus a folder. Copying the .rwb alone leaves its
//   originals behind (its texts, tags and claims are all in the file; only the
//   page view of PDFs and the exports that hash or re-read originals need
//   them, and they say plainly which file is missing). Project → Export
//   Project as One File writes a self-contained .rwb (`foldOriginalsIn`); when
//   such a file, or one saved by an earlier version, is opened for editing,
//   its originals move out (`moveOriginalsOut`: each checked against its hash
//   first) and the next compaction writes the slim file; the previous file
//   with everything inline stays as `.bak`.
// - Content addressing makes every write idempotent: replaying a journal,
//   re-importing, Save As into a folder that already has some of the files,
//   all write the same bytes to the same name. Files are never deleted
//   (nothing in the app deletes a document; a `.bak` may still need them).
// - Each file is written to a temp name, fsynced and renamed; the folder's
//   fsync is deferred to `syncOriginals`, which the worker calls once before
//   it acknowledges an edit (journal.ts) or writes a base, so an import of a
//   thousand files costs one folder fsync, not a thousand.
// - Reads check the bytes against the hash: a damaged file is reported, never
//   handed to the reader or an export as if it were the original.
// - A database with no folder attached (tests, an in-memory project) keeps
//   originals inline, as before; so does a read-only open (the CLI), which
//   must not write beside a project it only reads.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { CoreError } from '../app/errors'
import { fsyncDir, fsyncFile, writeAll } from '../fs/atomicWrite'
import { pidAlive } from './projectLock'
import { all, get, transaction, type Database } from './sqlite'

interface Store {
  dir: string
  writable: boolean
  /** Files renamed into the folder since its last fsync. */
  unsynced: boolean
}

const stores = new WeakMap<Database, Store>()

export function originalsDir(projectPath: string): string {
  return `${projectPath}.originals`
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const fileOf = (dir: string, sha: string) => join(dir, `${sha}.gz`)
/** A fresh hidden temp name for `sha`'s file in `dir`; it names the writing process so a later open can tell a dead writer's leftovers. */
const tempIn = (dir: string, sha: string) => join(dir, `.${sha}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
const TEMP_NAME = /^\.[0-9a-f]{64}\.(\d+)\.[0-9a-f]+\.tmp$/

/**
 * Ties `db` to the originals folder of the project at `projectPath`. Writable:
 * new originals go to the folder (the database worker). Read only: they are
 * read from it, and new ones stay inline (the command line's reads).
 */
export function attachOriginals(db: Database, projectPath: string, writable: boolean): void {
  const dir = originalsDir(projectPath)
  stores.set(db, { dir, writable, unsynced: false })
  if (writable) removeStaleTemps(dir)
}

function removeStaleTemps(dir: string): void {
  let names: string[] = []
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const n of names) {
    const m = TEMP_NAME.exec(n)
    if (m && (Number(m[1]) === process.pid || !pidAlive(Number(m[1])))) rmSync(join(dir, n), { force: true })
  }
}

/** Whether `gz` unzips to bytes whose SHA-256 is `sha`. */
function holds(gz: Uint8Array, sha: string): boolean {
  try {
    return sha256(gunzipSync(gz)) === sha
  } catch {
    return false
  }
}

function ensureDir(dir: string): void {
  if (existsSync(dir)) return
  mkdirSync(dir)
  fsyncDir(dirname(dir))
}

/** Writes one original's gzip into the folder under its hash, unless a good copy is there. */
function writeFile(store: Store, sha: string, gz: Uint8Array): void {
  const target = fileOf(store.dir, sha)
  if (existsSync(target)) {
    try {
      if (holds(readFileSync(target), sha)) return
    } catch {
      // unreadable: replaced below
    }
  }
  ensureDir(store.dir)
  const tmp = tempIn(store.dir, sha)
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    writeAll(fd, gz)
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
  closeSync(fd)
  renameSync(tmp, target)
  store.unsynced = true
}

/**
 * What goes into `documents.original_gzip` for a new document: an empty blob
 * once the gzip is safely in the folder, else the gzip itself.
 */
export function keepOriginal(db: Database, sha: string, original: Uint8Array, gz: Uint8Array): Uint8Array {
  const store = stores.get(db)
  if (!store?.writable || sha256(original) !== sha) return gz
  try {
    writeFile(store, sha, gz)
  } catch {
    // The folder cannot be written (disk full, read-only): the original stays
    // inline, and moves out the next time the project is opened. Never a
    // failure here: a journal replay must take the same path whatever the disk.
    return gz
  }
  return new Uint8Array(0)
}

/**
 * An edit's arguments as the journal records them. An import whose original
 * is in the folder (durable before the record is appended: syncOriginals)
 * names it by hash and size instead of carrying its bytes again: the journal
 * of a 10,000-file import was 2.9 GB of originals stored twice. Replay then
 * inserts the row with the original in the folder, as the edit did.
 */
export function journalArgs(db: Database, op: string, args: unknown): unknown {
  type Doc = { sha256: string; original: Uint8Array; originalSize?: number }
  const slim = (d: Doc): Doc => {
    if (d.originalSize !== undefined || !d.original?.length) return d
    const row = get<{ inline: number }>(db, 'SELECT length(original_gzip) AS inline FROM documents WHERE sha256 = ?', [d.sha256])
    return row && row.inline === 0 ? { ...d, original: new Uint8Array(0), originalSize: d.original.length } : d
  }
  if (op === 'documents.insert') return slim(args as Doc)
  if (op === 'documents.insertMany') {
    const a = args as { documents: Doc[] }
    return { ...a, documents: a.documents.map(slim) }
  }
  return args
}

/** Makes the folder entries written so far durable (one fsync of the folder). */
export function syncOriginals(db: Database): void {
  const store = stores.get(db)
  if (!store?.unsynced) return
  fsyncDir(store.dir)
  store.unsynced = false
}

/** A document's original, gzipped, from the database or the folder; checked against its hash when it comes from the folder. */
export function originalGzip(db: Database, id: number): Uint8Array {
  const row = get<{ gz: Uint8Array; sha: string; title: string }>(db, 'SELECT original_gzip AS gz, sha256 AS sha, title FROM documents WHERE id = ?', [id])
  if (!row) throw new CoreError('NOT_FOUND', `Document ${id} does not exist.`)
  if (row.gz.length > 0) return row.gz
  return readFromFolder(db, row.sha, row.title)
}

function readFromFolder(db: Database, sha: string, title: string): Uint8Array {
  const store = stores.get(db)
  const where = store ? fileOf(store.dir, sha) : `${sha}.gz in the project's .originals folder`
  let gz: Uint8Array
  try {
    if (!store) throw Object.assign(new Error('no folder'), { code: 'ENOENT' })
    gz = readFileSync(where)
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    throw new CoreError(
      'NOT_FOUND',
      `The original file of “${title}” is ${missing ? 'missing' : 'unreadable'}: it should be ${where}${store ? ` (in the folder ${basename(store.dir)} beside the project)` : ''}. Its text, tags and claims are intact; copy the folder back beside the project, or open a copy exported with Export Project as One File.`
    )
  }
  if (!holds(gz, sha)) {
    throw new CoreError('PROJECT_INVALID', `The original file of “${title}” is damaged: ${where} does not hold the bytes that were imported (its SHA-256 differs). Its text, tags and claims are intact.`)
  }
  return gz
}

/**
 * Moves every original still inline into the folder, each checked against
 * its hash first (one that does not match stays inline, as it was). Returns
 * how many moved; the caller then writes the base whole.
 */
export function moveOriginalsOut(db: Database): number {
  const store = stores.get(db)
  if (!store?.writable) return 0
  const ids = all<{ id: number }>(db, 'SELECT id FROM documents WHERE length(original_gzip) > 0 ORDER BY id').map((r) => r.id)
  const moved: number[] = []
  for (const id of ids) {
    const row = get<{ gz: Uint8Array; sha: string }>(db, 'SELECT original_gzip AS gz, sha256 AS sha FROM documents WHERE id = ?', [id])!
    if (!holds(row.gz, row.sha)) continue
    writeFile(store, row.sha, row.gz)
    moved.push(id)
  }
  syncOriginals(db)
  // Only once every file is durable does any row let go of its copy.
  for (const id of moved) db.run("UPDATE documents SET original_gzip = x'' WHERE id = ?", [id])
  return moved.length
}

/** Links (or, where the file system has no links, copies and fsyncs) `src` into `dir` as `name`, via a temp name. */
function linkInto(src: string, dir: string, sha: string): void {
  const tmp = tempIn(dir, sha)
  try {
    linkSync(src, tmp)
  } catch {
    copyFileSync(src, tmp)
    fsyncFile(tmp)
  }
  renameSync(tmp, fileOf(dir, sha))
}

/**
 * Makes the folder of the project at `target` hold every original `db`
 * keeps in its own folder (Save As): hard links where the file system has
 * them, else copies; each source checked against its hash first.
 */
export function copyOriginalsTo(db: Database, target: string): void {
  const store = stores.get(db)
  const rows = all<{ sha: string; title: string }>(db, 'SELECT sha256 AS sha, title FROM documents WHERE length(original_gzip) = 0')
  const to = originalsDir(target)
  if (!rows.length || to === store?.dir) return
  ensureDir(to)
  for (const r of rows) {
    const dest = fileOf(to, r.sha)
    if (existsSync(dest) && holds(readFileSync(dest), r.sha)) continue
    readFromFolder(db, r.sha, r.title) // present and sound, or a clear error before anything is written
    linkInto(fileOf(store!.dir, r.sha), to, r.sha)
  }
  fsyncDir(to)
}

/**
 * Gives the project file `to` (a copy of `from` or of its backup) the
 * originals of `from`'s folder, linked, so the copy reads them as `from` did.
 */
export function shareOriginalsFolder(from: string, to: string): void {
  const src = originalsDir(from)
  let names: string[]
  try {
    names = readdirSync(src).filter((n) => /^[0-9a-f]{64}\.gz$/.test(n))
  } catch {
    return // no folder: every original is inline
  }
  const dir = originalsDir(to)
  ensureDir(dir)
  for (const n of names) if (!existsSync(join(dir, n))) linkInto(join(src, n), dir, n.slice(0, 64))
  fsyncDir(dir)
}

/**
 * Puts every original back inline into `copy` (a database opened from an
 * export of `db`), so that it can be written as one self-contained file.
 * The trigger that keeps originals immutable allows only moving them out;
 * it is set aside in the copy for this and put back as it was.
 */
export function foldOriginalsIn(db: Database, copy: Database): void {
  const rows = all<{ id: number; sha: string; title: string }>(copy, 'SELECT id, sha256 AS sha, title FROM documents WHERE length(original_gzip) = 0 ORDER BY id')
  if (!rows.length) return
  const trigger = get<{ sql: string }>(copy, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_original_is_immutable'")!.sql
  transaction(copy, () => {
    copy.exec('DROP TRIGGER documents_original_is_immutable')
    for (const r of rows) copy.run('UPDATE documents SET original_gzip = ? WHERE id = ?', [readFromFolder(db, r.sha, r.title), r.id])
    copy.exec(trigger)
  })
}
