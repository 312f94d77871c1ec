// Writing files so that they appear whole or not at all: each file is
// written to a temp file in its own folder, fsynced, renamed over the target,
// and the folder is fsynced so the rename itself survives a crash. A write
// that fails removes its temp files and leaves the targets as they were.
// Used for exports, map images and the app settings; the project file's
// durable save (db/projectFile.ts) adds a read-back check and a backup, and
// reuses writeAll and fsyncDir from here.
//
// Trade-offs: everything is synchronous (these files are small, or written
// off the UI's thread, and a synchronous write cannot interleave with another
// write of the same file). Temp files are opened with 'wx' under a name with
// the pid, a counter and random bytes, so a leftover from a killed process or
// a link planted at that name is never followed or reused. A folder that
// cannot be fsynced once the renames are done is not reported as a failure:
// the new files are in place, and saying "not written" would be wrong.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

export interface AtomicFile {
  path: string
  data: string | Uint8Array
}

/** Writes all of `data` (writeSync may write less than asked), up to `length` bytes. */
export function writeAll(fd: number, data: Uint8Array, length = data.length): void {
  let off = 0
  while (off < length) off += writeSync(fd, data, off, length - off)
}

/** Flushes a file's contents to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Flushes a folder's entries (a rename or a new file in it) to the disk. */
export function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return
  fsyncFile(dir)
}

let tmpSeq = 0

/** A fresh temp name beside `path`: hidden, and never the name of another write's temp file. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++tmpSeq}${randomBytes(4).toString('hex')}.tmp`)
}

/** Writes `data` to a new file at `tmp` and fsyncs it; `onCreated` runs once the file exists (it is then ours to remove). */
function writeTemp(tmp: string, data: string | Uint8Array, mode: number, onCreated: () => void): void {
  const fd = openSync(tmp, 'wx', mode)
  onCreated()
  try {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes every file atomically; returns their paths. All temp files are
 * complete before the first rename, so a failure while writing leaves every
 * target untouched. Strings are written as UTF-8. `mode` is the new files'
 * permissions (before the umask), as for fs.writeFileSync.
 */
export function writeFilesAtomic(files: readonly AtomicFile[], opts: { mode?: number } = {}): string[] {
  const mode = opts.mode ?? 0o666
  const temps: { tmp: string; path: string }[] = []
  try {
    for (const f of files) {
      const tmp = tempPathFor(f.path)
      writeTemp(tmp, f.data, mode, () => temps.push({ tmp, path: f.path }))
    }
    for (const t of temps) renameSync(t.tmp, t.path)
  } catch (e) {
    // Only temp files this call created (a renamed one is already gone).
    for (const t of temps) rmSync(t.tmp, { force: true })
    throw e
  }
  for (const dir of new Set(temps.map((t) => dirname(t.path)))) {
    try {
      fsyncDir(dir)
    } catch {
      // the renames are done; a folder that cannot be fsynced is not an error
    }
  }
  return temps.map((t) => t.path)
}

/** Writes one file atomically (see writeFilesAtomic). */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: { mode?: number } = {}): void {
  writeFilesAtomic([{ path, data }], opts)
}
