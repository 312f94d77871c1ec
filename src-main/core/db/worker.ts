// The database worker: owns the sql.js database of one open project, runs
// repository operations by name, makes every edit durable in the project's
// journal before answering it, and compacts (rewrites the project file
// whole) from time to time, so that exporting and writing a large file never
// blocks main's event loop. journal.ts has the design.
//
// Trade-offs: compaction runs in the same queue as the edits, so an edit
// that arrives during one waits for it; compactions are spaced to at most
// about a tenth of the time (MIN_GAP_FACTOR) and run when the user pauses
// (saveDelayMs), on Save, Save As and close, and once the journal passes
// JOURNAL_MAX_BYTES even while edits keep coming (a long import: its journal
// and the memory a replay would need stay bounded). Imports journal their
// text, not their original (originals.ts). When the journal cannot be
// written (disk full, folder gone), edits stay in memory (dirty, with the
// error in the save state, as a failed save always did) until a compaction
// succeeds or the user saves elsewhere.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { parentPort } from 'node:worker_threads'
import type { ApiError } from '../../contract/api'
import type { SaveState } from '../../contract/types'
import { CoreError, isCoreError } from '../app/errors'
import { JournalWriter, removeJournal, setJournalAside } from './journal'
import { LATEST_VERSION } from './migrations'
import { recordOf, runMutation } from './mutate'
import { lookupOp } from './ops'
import { attachOriginals, copyOriginalsTo, foldOriginalsIn, journalArgs, moveOriginalsOut, syncOriginals } from './originals'
import { createProjectDb, ioReason, openProjectBytes, removeStaleTemps, saveDurably } from './projectFile'
import { openProject } from './projectOpen'
import type { WorkerMessage, WorkerRequest } from './protocol'
import { installHistory } from './repos/history'
import type { Database } from './sqlite'

const port = parentPort
if (!port) throw new Error('db worker must run in a worker thread')

/** Compactions take at most about 1 / MIN_GAP_FACTOR of the time. */
const MIN_GAP_FACTOR = 10
/** A journal this large is compacted whatever the spacing, and further edits do not postpone it. */
const JOURNAL_MAX_BYTES = 64 * 1024 * 1024

let db: Database | null = null
let path = ''
let saveDelayMs = 800
let timer: NodeJS.Timeout | null = null
/** The pending compaction is for a journal past JOURNAL_MAX_BYTES. */
let urgent = false
let journal: JournalWriter | null = null
/** The id of the journal on disk beside `path` (what the next compaction supersedes). */
let journalId: string | null = null
let lastCompactionMs = 0
let lastCompactionEnd = 0
let notice: string | null = null
const state: SaveState = { dirty: false, saving: false, lastSavedAt: null, error: null }

function post(msg: WorkerMessage): void {
  port!.postMessage(msg)
}

function publish(): void {
  post({ type: 'saveState', state: { ...state } })
}

function toApiError(e: unknown): ApiError {
  if (isCoreError(e)) return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
  const msg = e instanceof Error ? e.message : String(e)
  if (/UNIQUE constraint failed: documents\.sha256/.test(msg)) return { code: 'CONFLICT', message: 'This file is already in the project.' }
  if (/constraint/i.test(msg)) return { code: 'CONFLICT', message: msg }
  return { code: 'INTERNAL', message: msg }
}

function requireDb(): Database {
  if (!db) throw new CoreError('NO_PROJECT', 'No project is open.')
  return db
}

function setMeta(d: Database, key: string, value: string): void {
  d.run('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)', [key, value])
}

/**
 * Writes the whole project to `target` and starts an empty journal for it:
 * new journal id into the base, durable save, then the fresh journal (order
 * explained in journal.ts). Throws what saveDurably throws; the old journal
 * then stays the one in use.
 */
async function compact(target: string): Promise<void> {
  const d = requireDb()
  const t0 = Date.now()
  const id = randomBytes(8).toString('hex')
  setMeta(d, 'journal_base', id)
  setMeta(d, 'journal_prev', target === path ? (journalId ?? '') : '')
  try {
    // The base may only name originals whose files are durable.
    syncOriginals(d)
    await saveDurably(d, target)
  } catch (e) {
    // Renamed into place, but the folder's fsync failed: the base on disk now
    // says journal_base = id, so the old journal (its journal_prev) would be
    // dropped as superseded at the next open. No edit may be appended to it:
    // edits stay in memory (dirty) until a compaction succeeds.
    if ((e as { committed?: boolean }).committed && target === path) {
      journal?.close()
      journal = null
    }
    throw e
  }
  // From here the old journal is superseded (its id is the base's journal_prev):
  // a crash before the new one is in place drops it, and nothing is lost.
  journal?.close()
  journal = null
  journal = JournalWriter.create(target, { baseId: id, schema: LATEST_VERSION, createdAt: new Date().toISOString() })
  journalId = id
  lastCompactionMs = Date.now() - t0
  lastCompactionEnd = Date.now()
}

/** Compacts if anything is in the journal (or not durable at all); records the outcome in the save state. */
async function saveNow(force = false): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = null
  urgent = false
  requireDb()
  if (!force && !state.dirty && journal && journal.records === 0) return
  state.saving = true
  publish()
  try {
    await compact(path)
    state.dirty = false
    state.error = null
    state.lastSavedAt = new Date().toISOString()
  } catch (e) {
    state.error = toApiError(e).message
  } finally {
    state.saving = false
    publish()
  }
}

function scheduleCompaction(): void {
  const big = (journal?.bytes ?? 0) > JOURNAL_MAX_BYTES
  // A journal past its size is compacted right after this edit, even while
  // edits keep coming (a long import never pauses); later edits do not push
  // that compaction back.
  if (big && urgent) return
  if (timer) clearTimeout(timer)
  urgent = big
  const gap = lastCompactionEnd + lastCompactionMs * MIN_GAP_FACTOR - Date.now()
  const delay = big ? 0 : state.dirty ? saveDelayMs : Math.max(saveDelayMs, gap)
  timer = setTimeout(() => {
    timer = null
    urgent = false
    chain = chain.then(() => saveNow())
  }, delay)
}

async function open(req: Extract<WorkerRequest, { type: 'open' }>, now: string): Promise<unknown> {
  saveDelayMs = req.saveDelayMs
  const creating = req.create && !existsSync(req.path)
  // main holds the project's lock by now: temp files of saves that a
  // crash interrupted can go.
  removeStaleTemps(req.path)
  journal?.close()
  journal = null
  journalId = null
  notice = null
  const opened = creating ? null : await openProject(req.path, now, 'full', true)
  db?.close()
  db = opened?.db ?? (await createProjectDb(now))
  attachOriginals(db, req.path, true)
  installHistory(db)
  path = req.path
  Object.assign(state, { dirty: false, saving: false, lastSavedAt: null, error: null })
  let mustCompact = creating
  if (opened) {
    if (opened.problem) {
      const aside = setJournalAside(req.path, opened.problem.kind)
      notice = `${opened.problem.message} It is kept as ${aside.slice(aside.lastIndexOf('/') + 1)}.`
    }
    // A base without a journal id (an older version's file), one that
    // migrations changed, or edits restored from a damaged journal: written
    // whole now, so a journal only ever continues a base of this version.
    // Originals still inside the file (an older version's, or one exported as
    // one file) move to the originals folder: the slim base is written now.
    const moved = moveOriginalsOut(db)
    mustCompact = !opened.baseId || opened.migrated || !!opened.problem || moved > 0
    // The journal still on disk (not set aside): the next compaction supersedes it.
    journalId = opened.problem ? null : opened.journalId
    if (!mustCompact) {
      try {
        journalId = opened.baseId
        journal = opened.journal
          ? JournalWriter.continue(req.path, opened.journal)
          : JournalWriter.create(req.path, { baseId: opened.baseId!, schema: LATEST_VERSION, createdAt: now })
      } catch (e) {
        state.dirty = true
        state.error = `Could not save ${basename(req.path)}: ${ioReason(e)}. Your edits are kept in memory; use Project → Save As to save them elsewhere.`
      }
    }
  }
  if (mustCompact) {
    state.dirty = true
    await saveNow(true)
    if (creating && state.error) throw new CoreError('IO', state.error)
  }
  publish()
  return { created: creating, replayed: opened?.replayed ?? 0, notice }
}

async function mutate(op: string, args: unknown, now: string): Promise<unknown> {
  const d = requireDb()
  const out = runMutation(d, op, args, now)
  if (journal) {
    try {
      syncOriginals(d)
      journal.append(recordOf(op, out.ok ? journalArgs(d, op, args) : args, now, out))
      // An append to a journal whose folder or project file was deleted goes nowhere lasting.
      if (!journal.linked() || !existsSync(path)) throw Object.assign(new Error('the project file or its folder is gone'), { code: 'ENOENT' })
      if (!state.dirty) state.lastSavedAt = new Date().toISOString()
    } catch (e) {
      journal.close()
      journal = null
      state.dirty = true
      state.error = `Could not save ${basename(path)}: ${ioReason(e)}. Your edits are kept in memory; use Project → Save As to save them elsewhere.`
    }
  } else state.dirty = true
  scheduleCompaction()
  // Posted before the reply: whoever awaits the edit sees its save state.
  publish()
  if (!out.ok) throw out.error
  return out.value
}

/**
 * A self-contained copy of the project (originals inline) at `target`, for
 * handing to someone else; the open project stays where it is. The copy
 * carries no journal id of this project's, so it never pairs with its journal.
 */
async function exportOneFile(target: string): Promise<void> {
  const d = requireDb()
  if (target === path) throw new CoreError('CONFLICT', 'Choose another file name: this one is the open project.')
  const image = d.export()
  d.exec('PRAGMA foreign_keys = ON')
  const copy = await openProjectBytes(image, basename(target), 'tables')
  try {
    copy.exec('PRAGMA foreign_keys = ON')
    foldOriginalsIn(d, copy)
    copy.run("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('journal_base', ?)", [randomBytes(8).toString('hex')])
    copy.run("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('journal_prev', '')")
    await saveDurably(copy, target)
  } finally {
    copy.close()
  }
}

async function handle(req: WorkerRequest): Promise<unknown> {
  const now = new Date().toISOString()
  switch (req.type) {
    case 'open':
      return open(req, now)
    case 'call': {
      const d = requireDb()
      const op = lookupOp(req.op)
      if (!op) throw new Error(`unknown operation ${req.op}`)
      if (!op.mutation) return op.run(d, req.args, now)
      return mutate(req.op, req.args, now)
    }
    case 'save':
      await saveNow()
      return { ...state }
    case 'saveAs': {
      const d = requireDb()
      // The new base names originals by hash: its folder holds them before the base exists.
      copyOriginalsTo(d, req.path)
      await compact(req.path)
      attachOriginals(d, req.path, true)
      path = req.path
      Object.assign(state, { dirty: false, lastSavedAt: new Date().toISOString(), error: null })
      publish()
      return { ...state }
    }
    case 'exportOneFile':
      await exportOneFile(req.path)
      return null
    case 'close':
      if (db) await saveNow()
      if (state.error) throw new CoreError('IO', state.error)
      // Everything is in the project file now: it alone is the project.
      journal?.close()
      journal = null
      removeJournal(path)
      db?.close()
      db = null
      return null
  }
}

// One request at a time, in order: a compaction never interleaves with an edit.
let chain: Promise<void> = Promise.resolve()
port.on('message', (req: WorkerRequest) => {
  chain = chain.then(async () => {
    try {
      post({ type: 'reply', id: req.id, ok: true, value: await handle(req) })
    } catch (e) {
      post({ type: 'reply', id: req.id, ok: false, error: toApiError(e) })
    }
  })
})
