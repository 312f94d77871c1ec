// Opening, validating and durably saving a project file (.rwb).
// Runs inside the database worker: nothing here may block main.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { CoreError } from '../app/errors'
import { fsyncDir, writeAll } from '../fs/atomicWrite'
import { LATEST_VERSION, migrate } from './migrations'
import { backupPath, pidAlive } from './projectLock'
import { loadSqlJs, pragmaValue, structuralCheck, type Database } from './sqlite'

/** 'RWB1' — PRAGMA application_id marks our files so foreign SQLite files are refused. */
export const APPLICATION_ID = 0x52574231
const SQLITE_MAGIC = 'SQLite format 3\u0000'

export { backupPath }

/** What a file that is not an SQLite database probably is, for the message. */
function describeForeign(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1')
  if (head.startsWith('%PDF-')) return 'a PDF document'
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (for example a Word or OpenDocument file)'
  if (head.startsWith('{\\rtf')) return 'an RTF document'
  if (head.startsWith('\u0089PNG')) return 'a PNG image'
  if (head.startsWith('\u00ff\u00d8\u00ff')) return 'a JPEG image'
  if (head.startsWith('\u001f\u008b')) return 'a gzip archive'
  const sample = bytes.subarray(0, 512)
  let text = 0
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 0x20 && b !== 0x7f)) text++
  if (sample.length > 0 && text === sample.length) return 'a text file'
  return null
}

function bitDistance(a: Uint8Array, b: Uint8Array): number {
  let d = 0
  for (let i = 0; i < a.length; i++) {
    let x = (a[i] ?? 0) ^ (b[i] ?? 0)
    while (x) {
      d += x & 1
      x >>= 1
    }
  }
  return d
}

const MAGIC_BYTES = Buffer.from(SQLITE_MAGIC, 'latin1')

/**
 * Reads the 100-byte SQLite header without SQLite: says what is wrong with a
 * damaged or truncated file in words a person can act on, or null if the
 * header is plausible.
 */
function headerProblem(bytes: Uint8Array, label: string): string | null {
  if (bytes.length < 100) return `${label} is damaged: it is cut short (${bytes.length} bytes, not even a complete file header).`
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const raw = view.getUint16(16)
  const pageSize = raw === 1 ? 65536 : raw
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `${label} is damaged: its file header is corrupted (page size ${raw}).`
  const w = bytes[18]!
  const r = bytes[19]!
  if (w < 1 || w > 2 || r < 1 || r > 2) return `${label} is damaged: its file header is corrupted (file format ${w}/${r}).`
  if (bytes[21] !== 64 || bytes[22] !== 32 || bytes[23] !== 32) return `${label} is damaged: its file header is corrupted.`
  const changeCounter = view.getUint32(24)
  const pageCount = view.getUint32(28)
  const validFor = view.getUint32(92)
  if (pageCount > 0 && changeCounter === validFor) {
    const expected = pageCount * pageSize
    if (bytes.length < expected) {
      return `${label} is incomplete: it is ${bytes.length.toLocaleString('en')} bytes but should be ${expected.toLocaleString('en')} (it was probably cut short while being copied or saved).`
    }
  }
  if (bytes.length % pageSize !== 0) return `${label} is damaged: it is cut short in the middle of a page (${bytes.length.toLocaleString('en')} bytes).`
  return null
}

/**
 * How thoroughly SQLite checks the bytes: 'full' is `PRAGMA quick_check`
 * (every b-tree, the free list and page accounting, and the FTS4 index
 * re-tokenised against the text); 'tables' checks every stored table's and
 * index's b-tree but not the free list or the FTS4 re-tokenising (see
 * `structuralCheck`). Opening a file uses 'full'; a save checks its own
 * freshly written copy with 'tables' after comparing it byte for byte with
 * the image SQLite exported; the command line's read-only commands use
 * 'tables' too (they write nothing, and the FTS4 re-tokenising was a quarter
 * of `rwb documents` on a small project).
 */
export type CheckDepth = 'full' | 'tables'

/** Checks bytes that claim to be a project; throws a CoreError saying what is wrong. */
export async function openProjectBytes(bytes: Uint8Array, label: string, depth: CheckDepth = 'full'): Promise<Database> {
  if (bytes.length === 0) throw new CoreError('PROJECT_INVALID', `${label} is empty: it is not a Research Workbench project.`)
  const head = Buffer.from(bytes.subarray(0, 16))
  if (head.toString('latin1') !== SQLITE_MAGIC) {
    if (bytes.length >= 16 && bitDistance(head, MAGIC_BYTES) <= 8) {
      throw new CoreError('PROJECT_INVALID', `${label} is damaged: its file header is corrupted, so it cannot be read as a project.`)
    }
    if (bytes.length < 16 && MAGIC_BYTES.subarray(0, bytes.length).equals(head)) {
      throw new CoreError('PROJECT_INVALID', `${label} is damaged: it is cut short (${bytes.length} bytes, not even a complete file header).`)
    }
    const what = describeForeign(bytes)
    throw new CoreError(
      'PROJECT_INVALID',
      what
        ? `${label} is ${what}, not a Research Workbench project (it is not an SQLite file).`
        : `${label} is not a Research Workbench project (it is not an SQLite file).`
    )
  }
  const problem = headerProblem(bytes, label)
  if (problem) throw new CoreError('PROJECT_INVALID', problem)
  // Offset 68 holds PRAGMA application_id: read it before SQLite does.
  const appId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(68)
  if (appId !== APPLICATION_ID) {
    if (bitDistance(Buffer.from(bytes.subarray(68, 72)), Buffer.from([0x52, 0x57, 0x42, 0x31])) <= 2) {
      throw new CoreError('PROJECT_INVALID', `${label} is damaged: its file header is corrupted, so it cannot be read as a project.`)
    }
    throw new CoreError('PROJECT_INVALID', `${label} is an SQLite file of another application, not a Research Workbench project.`)
  }
  const SQL = await loadSqlJs()
  let db: Database | null = null
  try {
    db = new SQL.Database(bytes)
    const check = depth === 'full' ? String(pragmaValue(db, 'quick_check')) : structuralCheck(db)
    if (check !== 'ok') throw new CoreError('PROJECT_INVALID', `${label} is damaged (integrity check: ${check.slice(0, 300)}).`)
  } catch (e) {
    db?.close()
    if (e instanceof CoreError) throw e
    throw new CoreError('PROJECT_INVALID', `${label} is damaged and cannot be read (${(e as Error).message}).`)
  }
  return db
}

export async function createProjectDb(now: string): Promise<Database> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  db.exec(`PRAGMA application_id = ${APPLICATION_ID}`)
  db.exec('PRAGMA foreign_keys = ON')
  migrate(db, now)
  db.run("INSERT INTO project_meta (key, value) VALUES ('created_at', ?)", [now])
  return db
}

/** Opens bytes as a project of a schema this app knows, without changing them. */
async function openAndCheckVersion(bytes: Uint8Array, label: string, depth: CheckDepth): Promise<Database> {
  const db = await openProjectBytes(bytes, label, depth)
  const version = Number(pragmaValue(db, 'user_version') ?? 0)
  if (version > LATEST_VERSION) {
    db.close()
    throw new CoreError(
      'PROJECT_INVALID',
      `${label} was saved by a newer version of Research Workbench (schema ${version}; this version knows up to ${LATEST_VERSION}). Update the app to open it.`
    )
  }
  return db
}

/** Whether `<path>.bak` exists and is a good project this app can open, and when it was saved. */
export async function checkBackup(path: string): Promise<{ path: string; savedAt: string } | null> {
  const bak = backupPath(path)
  try {
    const bytes = readFileSync(bak)
    const db = await openAndCheckVersion(bytes, basename(bak), 'full')
    db.close()
    return { path: bak, savedAt: statSync(bak).mtime.toISOString() }
  } catch {
    return null
  }
}

/**
 * Opens and migrates a project file. A file that is not a good project is
 * refused with a PROJECT_INVALID error whose details say whether its backup
 * (`<path>.bak`, the previous save) is good: `{ path, backupAvailable, backupPath?, backupSavedAt? }`.
 * The file itself is only read, never changed, when it is refused.
 */
/** Bases that migrations changed while opening (they get a full save before any journal continues them). */
export const migratedAtOpen = new WeakSet<Database>()

export async function openProjectFile(path: string, now: string, depth: CheckDepth = 'full'): Promise<Database> {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (e) {
    throw new CoreError('IO', `Cannot read ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const label = basename(path)
  let db: Database | null = null
  try {
    db = await openAndCheckVersion(bytes, label, depth)
    db.exec('PRAGMA foreign_keys = ON')
    try {
      if (migrate(db, now).length) migratedAtOpen.add(db)
    } catch (e) {
      // A file whose schema our migrations cannot bring up to date (a damaged
      // user_version, a table missing) is a damaged project, not an app bug.
      if (e instanceof CoreError) throw e
      throw new CoreError('PROJECT_INVALID', `${label} is damaged: its structure is not what a Research Workbench project holds (${(e as Error).message}).`)
    }
  } catch (e) {
    db?.close()
    if (!(e instanceof CoreError) || e.code !== 'PROJECT_INVALID') throw e
    const backup = await checkBackup(path)
    if (!backup) throw new CoreError(e.code, e.message, { path, backupAvailable: false })
    throw new CoreError(
      e.code,
      `${e.message} A backup from the last good save (${backup.savedAt.slice(0, 16).replace('T', ' ')} UTC) is available: choose Open Backup to open a copy of it; the damaged file is left as it is.`,
      { path, backupAvailable: true, backupPath: backup.path, backupSavedAt: backup.savedAt }
    )
  }
  return db
}

/** The name of a save's temp file: `.<name>.<pid>.<n>.tmp` beside the project. */
function tempPrefix(path: string): string {
  return `.${basename(path)}.`
}

/**
 * Removes temp files left beside a project by saves that never finished (the
 * app was killed mid-save): `.<name>.<pid>.<n>.tmp` and `.tmp.bak`, when the
 * process that wrote them is gone or is this one. Call only while holding the
 * project's lock (no save of this process is running then). Returns the names removed.
 */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path)
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const rest = name.slice(prefix.length)
    const m = /^(\d+)\.([0-9a-f]+)\.tmp(\.bak)?$/.exec(rest)
    if (!m) continue
    const pid = Number(m[1])
    if (pid !== process.pid && pidAlive(pid)) continue
    try {
      rmSync(join(dir, name), { force: true })
      removed.push(name)
    } catch {
      // cannot remove (read-only folder): harmless, try again next time
    }
  }
  return removed
}

/**
 * Test-only fault injection: when RWB_FAULT_FILE names a file that exists and
 * holds `{"code": "ENOSPC", "afterBytes": N, "under": "/some/folder"}`,
 * writing a save's temp file under that folder fails with that error code
 * after N bytes, as a full disk would; code "SILENT_CORRUPTION" instead
 * writes everything with the bit at byte N flipped and reports success.
 * The app never sets the variable; tests
 * use it where a real full disk cannot be made.
 */
function injectedWriteFault(target: string): { code: string; afterBytes: number } | null {
  const file = process.env.RWB_FAULT_FILE
  if (!file) return null
  try {
    const f = JSON.parse(readFileSync(file, 'utf8')) as { code?: unknown; afterBytes?: unknown; under?: unknown }
    if (typeof f.code !== 'string') return null
    if (typeof f.under === 'string' && !target.startsWith(f.under)) return null
    return { code: f.code, afterBytes: Number(f.afterBytes) || 0 }
  } catch {
    return null
  }
}

function writeFully(path: string, data: Uint8Array, onCreated: () => void): void {
  // 'wx': never follow or reuse whatever is already at the temp name.
  const fd = openSync(path, 'wx', 0o600)
  onCreated()
  try {
    const fault = injectedWriteFault(path)
    if (fault?.code === 'SILENT_CORRUPTION') {
      // A disk that reports success but stores one flipped bit.
      const bad = Uint8Array.from(data)
      bad[Math.min(fault.afterBytes, bad.length - 1)]! ^= 0x10
      data = bad
    }
    const limit = fault && fault.code !== 'SILENT_CORRUPTION' ? Math.min(fault.afterBytes, data.length) : data.length
    writeAll(fd, data, limit)
    if (fault && fault.code !== 'SILENT_CORRUPTION') throw Object.assign(new Error(`${fault.code}: write failed (injected)`), { code: fault.code })
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

let tmpCounter = 0

/**
 * Whether the file at `path` holds exactly `data`, read back in chunks (a
 * project can be hundreds of MB: no second copy of it in memory).
 */
function fileHolds(path: string, data: Uint8Array): boolean {
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, Math.max(data.length, 1)))
    let off = 0
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, off)
      if (n === 0) return off === data.length
      if (off + n > data.length || !chunk.subarray(0, n).equals(data.subarray(off, off + n))) return false
      off += n
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Durable save: write a temp file beside the project, fsync it, reopen and
 * check it, keep the current file as the backup, rename the temp file over
 * the project, fsync the folder. A crash at any point leaves either the old
 * or the new file in place, never a half-written one.
 */
export async function saveDurably(db: Database, path: string): Promise<{ bytes: number }> {
  const data = db.export()
  // export() can reset connection pragmas in some sql.js builds; keep FKs on.
  db.exec('PRAGMA foreign_keys = ON')
  const dir = dirname(path)
  // pid + counter + random: unique even when a killed process with the same
  // pid left its temp file behind.
  const tmp = join(dir, `${tempPrefix(path)}${process.pid}.${++tmpCounter}${randomBytes(4).toString('hex')}.tmp`)
  let created = false
  let committed = false
  try {
    writeFully(tmp, data, () => (created = true))
    // Reopen and check: the file must hold exactly the exported image (a
    // storage fault shows up here), and that image must be a sound project.
    // The byte comparison is what makes the lighter 'tables' check enough:
    // the header and free list are then the live database's own, which only
    // SQLite has changed since the full check when the project was opened.
    if (!fileHolds(tmp, data)) throw new CoreError('IO', `Could not save ${basename(path)}: the file read back from the disk differs from what was written. Your edits are kept in memory; use Project → Save As to save them elsewhere.`)
    const check = await openProjectBytes(data, basename(path), 'tables')
    check.close()
    if (existsSync(path)) {
      const bak = backupPath(path)
      const bakTmp = `${tmp}.bak`
      // A hard link keeps the previous file as the backup without copying it;
      // file systems without links (FAT, some network shares) get a copy.
      try {
        linkSync(path, bakTmp)
      } catch {
        copyFileSync(path, bakTmp)
      }
      renameSync(bakTmp, bak)
      // When the backup already is this very file (a save killed between its
      // two renames left project and backup as links to one inode), rename()
      // does nothing and leaves bakTmp behind: remove that extra link.
      rmSync(bakTmp, { force: true })
    }
    renameSync(tmp, path)
    committed = true
    fsyncDir(dir)
  } catch (e) {
    // committed: renamed into place, only the folder's fsync failed; the caller must treat it as the project file now.
    if (created && !committed) {
      rmSync(tmp, { force: true })
      rmSync(`${tmp}.bak`, { force: true })
    }
    if (e instanceof CoreError) throw e
    const err = new CoreError('IO', `Could not save ${basename(path)}: ${ioReason(e)}. Your edits are kept in memory; use Project → Save As to save them elsewhere.`)
    throw Object.assign(err, { committed })
  }
  return { bytes: data.length }
}

/** Why a write failed, in words a person can act on. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EACCES: 'the folder is read-only',
    EPERM: 'the folder is read-only',
    EROFS: 'the folder is read-only',
    ENOENT: 'its folder no longer exists',
    ENOTDIR: 'its folder no longer exists',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is too large for this disk'
  }
  return (err?.code && reasons[err.code]) || err?.message || String(e)
}
