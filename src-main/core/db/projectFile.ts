// Opening, validating and durably saving a project file (.rwb).
// Runs inside the database worker: nothing here may block main.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync, copyFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CoreError } from '../app/errors'
import { migrate } from './migrations'
import { loadSqlJs, pragmaValue, type Database } from './sqlite'

/** 'RWB1' — PRAGMA application_id marks our files so foreign SQLite files are refused. */
export const APPLICATION_ID = 0x52574231
const SQLITE_MAGIC = 'SQLite format 3\u0000'

export function backupPath(path: string): string {
  return `${path}.bak`
}

/** Checks bytes that claim to be a project; throws a CoreError saying what is wrong. */
export async function openProjectBytes(bytes: Uint8Array, label: string): Promise<Database> {
  if (bytes.length === 0) throw new CoreError('PROJECT_INVALID', `${label} is empty: it is not a Research Workbench project.`)
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1')
  if (head !== SQLITE_MAGIC) {
    throw new CoreError('PROJECT_INVALID', `${label} is not a Research Workbench project (it is not an SQLite file).`)
  }
  const SQL = await loadSqlJs()
  let db: Database
  try {
    db = new SQL.Database(bytes)
    const appId = Number(pragmaValue(db, 'application_id'))
    if (appId !== APPLICATION_ID) {
      db.close()
      throw new CoreError('PROJECT_INVALID', `${label} is an SQLite file of another application, not a Research Workbench project.`)
    }
    const check = String(pragmaValue(db, 'quick_check'))
    if (check !== 'ok') {
      db.close()
      throw new CoreError('PROJECT_INVALID', `${label} is damaged (integrity check: ${check}).`)
    }
  } catch (e) {
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

export async function openProjectFile(path: string, now: string): Promise<Database> {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (e) {
    throw new CoreError('IO', `Cannot read ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const db = await openProjectBytes(bytes, basename(path))
  db.exec('PRAGMA foreign_keys = ON')
  try {
    migrate(db, now)
  } catch (e) {
    db.close()
    throw e
  }
  return db
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function writeFully(path: string, data: Uint8Array): void {
  const fd = openSync(path, 'w', 0o600)
  try {
    let off = 0
    while (off < data.length) off += writeSync(fd, data, off, data.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

let tmpCounter = 0

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
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++tmpCounter}.tmp`)
  try {
    writeFully(tmp, data)
    const check = await openProjectBytes(readFileSync(tmp), basename(path))
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
    }
    renameSync(tmp, path)
    fsyncDir(dir)
  } catch (e) {
    rmSync(tmp, { force: true })
    rmSync(`${tmp}.bak`, { force: true })
    if (e instanceof CoreError) throw e
    const err = e as NodeJS.ErrnoException
    const why =
      err.code === 'ENOSPC'
        ? 'the disk is full'
        : err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS'
          ? 'the folder is read-only'
          : err.code === 'ENOENT'
            ? 'its folder no longer exists'
            : err.message
    throw new CoreError('IO', `Could not save ${basename(path)}: ${why}. Your edits are kept in memory; use Project → Save As to save them elsewhere.`)
  }
  return { bytes: data.length }
}
