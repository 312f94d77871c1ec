// The edit journal: `<project>.journal`, an append-only file beside the
// project of every mutation acknowledged since the project file (the "base")
// was last written whole. It makes an edit durable with one small append and
// one fdatasync, whatever the project's size; the full rewrite of the base
// ("compaction", projectFile.ts saveDurably) happens only from time to time.
//
// WHAT IS RECORDED. One record per mutation op the worker ran: the op's name,
// its arguments (exactly as the worker received them: v8.serialize is the
// structured-clone format the worker's messages already use, so binary
// originals and every JS value survive as they were), the `now` it ran with,
// the audit user name, whether it succeeded, and a digest of its result.
// Ops are deterministic functions of (database, args, now, user) (no clocks,
// no randomness in the repositories), so replaying the records in order on the
// base rebuilds the database exactly, history and audit rows included. Logical
// records beat logging SQL or row images here: sql.js has no session/changeset
// API, an op is typically tens of bytes of arguments versus hundreds of row
// images (history, audit, FTS), and the history layer already proves that ops
// replay. Failed mutations are recorded too: a failure can still leave audit
// rows and use ids, and replay must walk the same path. The result digest
// turns any non-determinism into a refusal instead of a silent difference.
//
// FORMAT (little-endian):
//   header: "RWBJRNL1" | u32 n | u32 crc32 | n bytes of JSON {baseId, schema, createdAt}
//   record: u32 n | u32 crc32(payload) | u32 crc32(the 8 bytes before) | n bytes payload = v8.serialize(JournalRecord)
// The third word guards the length: without it a flipped bit in a length
// in the middle of the file would read as "cut short" and everything after
// it would be dropped as a torn tail instead of reported as damage.
// The header is written whole to a temp file, fsynced and renamed into place,
// so a journal file never exists without a complete header.
//
// FSYNC POINTS. append(): one positional write of the record, then fdatasync,
// then (and only then) the worker replies to the edit. Creating or resetting a
// journal: temp file, fsync, rename, fsync of the folder.
//
// WHICH BASE A JOURNAL BELONGS TO. The base stores `journal_base` (the id of
// the journal that continues it) and `journal_prev` (the id of the journal it
// superseded) in project_meta. Compaction: (1) a new random id goes into the
// live database as journal_base, the old one as journal_prev; (2) the base is
// written durably (temp, fsync, check, previous base kept as `.bak`, rename,
// fsync folder); (3) a fresh journal with the new id replaces the old one.
// A crash between (2) and (3) leaves a journal whose id is the base's
// journal_prev: its records are all in the base already, and it is dropped.
// A journal whose id is neither (someone copied another file over the
// project) is never replayed onto the wrong base, nor deleted: it is kept
// aside as `<project>.journal.unused-<time>` and the user is told.
//
// TORN LAST RECORD. Records are appended one at a time and each is fsynced
// before it is acknowledged, so a crash can only tear the last one. Reading
// stops at the first record that is incomplete, has a bad record header
// (zeros: blocks the file system allocated but never wrote) or fails its
// CRC. When no intact record (good header CRC, good payload CRC, within the
// file) starts anywhere after that point, the bad bytes are the last record,
// never acknowledged, and the writer truncates them before appending. When an
// intact record does follow, the journal is damaged in the middle (not a
// crash): what precedes the damage is replayed, the file is kept aside as
// `.journal.damaged-<time>` and the user is told; nothing is guessed.
//
// DISK FULL (or any error on append/fdatasync). The failed append is cut
// back to the last good record, the journal is closed, and the edit is NOT
// reported as saved: the save state the worker posts before its reply says
// "Could not save <name>: <why>. Your edits are kept in memory; use Project
// → Save As to save them elsewhere." and stays dirty; later edits stay in
// memory too until a full save (compaction, retried at the next pause, on
// Save, Save As and close) succeeds, and close refuses to drop them. The
// edit itself stays applied in memory rather than being rolled back, so a
// person who is told can still rescue all of it with Save As elsewhere.
// The base and every acknowledged record are untouched (journalDiskFull.test.ts,
// a real EFBIG under a file-size limit).
//
// BACKUP AND LOCK. `.bak` stays "the previous good base" (written by each
// compaction); Open Backup copies it under a new name, so no journal applies
// to it. Only the worker of the window holding the project's lock writes the
// journal; a lock left by a crash is taken over first, then the journal is
// replayed. Temp files use the save's naming (`.<name>.<pid>.<n>.tmp`), so
// removeStaleTemps cleans those of killed processes.
import { closeSync, fdatasyncSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { fsyncDir, tempPathFor, writeAll } from '../fs/atomicWrite'

export const JOURNAL_MAGIC = Buffer.from('RWBJRNL1', 'latin1')

export interface JournalHeader {
  baseId: string
  schema: number
  createdAt: string
}

export interface JournalRecord {
  op: string
  args: unknown
  now: string
  user: string
  ok: boolean
  /** First 16 hex digits of the SHA-256 of the serialized result (or error code + message). */
  digest: string
}

export interface JournalRead {
  header: JournalHeader
  records: JournalRecord[]
  /** Bytes up to the end of the last good record: where the next append goes. */
  validLength: number
  /** Bytes after validLength (a torn last record, or the damaged part). */
  tailBytes: number
  /** Why reading stopped before the end, when it was not a torn last record. */
  damaged: string | null
}

export function journalPath(projectPath: string): string {
  return `${projectPath}.journal`
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const REC_HEAD = 12

function frame(payload: Uint8Array): Buffer {
  const head = Buffer.allocUnsafe(REC_HEAD)
  head.writeUInt32LE(payload.length, 0)
  head.writeUInt32LE(crc32(payload), 4)
  head.writeUInt32LE(crc32(head.subarray(0, 8)), 8)
  return Buffer.concat([head, payload])
}

/** The end of the intact record starting at `off`, or -1 (incomplete, bad header or bad payload). */
function intactAt(bytes: Buffer, off: number): number {
  if (bytes.length - off < REC_HEAD) return -1
  if (crc32(bytes.subarray(off, off + 8)) !== bytes.readUInt32LE(off + 8)) return -1
  const n = bytes.readUInt32LE(off)
  const end = off + REC_HEAD + n
  if (n === 0 || end > bytes.length) return -1
  return crc32(bytes.subarray(off + REC_HEAD, end)) === bytes.readUInt32LE(off + 4) ? end : -1
}

/** Whether an intact record starts anywhere after `from` (then the bad bytes at `from` are damage, not a torn tail). */
function intactAfter(bytes: Buffer, from: number): number {
  for (let p = from + 1; p + REC_HEAD <= bytes.length; p++) if (intactAt(bytes, p) >= 0) return p
  return -1
}

/** Reads a journal; null when there is none (or it is too short to have a header: never renamed into place). */
export function readJournal(projectPath: string): JournalRead | null {
  let bytes: Buffer
  try {
    bytes = readFileSync(journalPath(projectPath))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  const name = basename(journalPath(projectPath))
  if (bytes.length < 16 || !bytes.subarray(0, 8).equals(JOURNAL_MAGIC)) throw new Error(`${name} is not an edit journal of Research Workbench`)
  const hn = bytes.readUInt32LE(8)
  const hcrc = bytes.readUInt32LE(12)
  const hjson = bytes.subarray(16, 16 + hn)
  if (hjson.length !== hn || crc32(hjson) !== hcrc) throw new Error(`${name} has a damaged header`)
  const header = JSON.parse(hjson.toString('utf8')) as JournalHeader
  const records: JournalRecord[] = []
  let off = 16 + hn
  let damaged: string | null = null
  while (off < bytes.length) {
    const end = intactAt(bytes, off)
    let rec: JournalRecord | null = null
    if (end >= 0) {
      try {
        rec = deserialize(bytes.subarray(off + REC_HEAD, end)) as JournalRecord
      } catch {
        rec = null
      }
    }
    if (!rec || typeof rec.op !== 'string') {
      if (end >= 0) {
        // Its checksums hold, so it is no torn write: a record this version cannot read.
        damaged = `record ${records.length + 1} (at byte ${off}) cannot be read`
      } else {
        const next = intactAfter(bytes, off)
        if (next >= 0) damaged = `record ${records.length + 1} (at byte ${off}) is damaged and intact records follow it at byte ${next}`
      }
      break
    }
    records.push(rec)
    off = end
  }
  return { header, records, validLength: off, tailBytes: bytes.length - off, damaged }
}

/** Moves a journal out of the way (kept for the user, never replayed): returns the new name. */
export function setJournalAside(projectPath: string, why: 'damaged' | 'unused' | 'diverged'): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const aside = `${journalPath(projectPath)}.${why}-${stamp}`
  renameSync(journalPath(projectPath), aside)
  fsyncDir(dirname(projectPath))
  return aside
}

/** Removes the journal (after a compaction on close: the base alone is the project then). */
export function removeJournal(projectPath: string): void {
  rmSync(journalPath(projectPath), { force: true })
  fsyncDir(dirname(projectPath))
}

/** The open journal of the project this worker holds; every append is durable when it returns. */
export class JournalWriter {
  private constructor(
    private fd: number,
    public bytes: number,
    public records: number
  ) {}

  /** Starts an empty journal for a base with this id, replacing any journal there (temp, fsync, rename, fsync folder). */
  static create(projectPath: string, header: JournalHeader): JournalWriter {
    const target = journalPath(projectPath)
    const tmp = tempPathFor(projectPath)
    const json = Buffer.from(JSON.stringify(header), 'utf8')
    const head = Buffer.allocUnsafe(16)
    JOURNAL_MAGIC.copy(head, 0)
    head.writeUInt32LE(json.length, 8)
    head.writeUInt32LE(crc32(json), 12)
    const data = Buffer.concat([head, json])
    const fd = openSync(tmp, 'wx', 0o600)
    try {
      writeAll(fd, data)
      fsyncSync(fd)
      renameSync(tmp, target)
    } catch (e) {
      closeSync(fd)
      rmSync(tmp, { force: true })
      throw e
    }
    fsyncDir(dirname(projectPath))
    return new JournalWriter(fd, data.length, 0)
  }

  /** Continues a journal that was read: drops a torn tail (truncate + fsync) so appends follow the last good record. */
  static continue(projectPath: string, read: JournalRead): JournalWriter {
    const fd = openSync(journalPath(projectPath), 'r+')
    try {
      if (fstatSync(fd).size !== read.validLength) {
        ftruncateSync(fd, read.validLength)
        fsyncSync(fd)
      }
    } catch (e) {
      closeSync(fd)
      throw e
    }
    return new JournalWriter(fd, read.validLength, read.records.length)
  }

  /** Appends one record and flushes it to the disk. */
  append(rec: JournalRecord): void {
    if (this.fd < 0) throw new Error('the journal is closed')
    const data = frame(serialize(rec))
    let off = 0
    try {
      while (off < data.length) off += writeSync(this.fd, data, off, data.length - off, this.bytes + off)
      fdatasyncSync(this.fd)
    } catch (e) {
      // Leave no partial record for the next append to follow: cut back to the last good one.
      try {
        ftruncateSync(this.fd, this.bytes)
      } catch {
        // the next open treats it as a torn tail
      }
      throw e
    }
    this.bytes += data.length
    this.records++
  }

  /** Whether the journal file is still in the folder (a deleted folder or file leaves appends going nowhere). */
  linked(): boolean {
    return this.fd >= 0 && fstatSync(this.fd).nlink > 0
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd)
    this.fd = -1
  }
}
