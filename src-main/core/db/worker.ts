// The database worker: owns the sql.js database of one open project, runs
// repository operations by name and saves durably, so that exporting and
// writing a large file never blocks main's event loop.
import { parentPort } from 'node:worker_threads'
import type { ApiError } from '../../contract/api'
import type { SaveState } from '../../contract/types'
import { CoreError, isCoreError } from '../app/errors'
import { lookupOp } from './ops'
import { createProjectDb, openProjectFile, removeStaleTemps, saveDurably } from './projectFile'
import type { WorkerMessage, WorkerRequest } from './protocol'
import type { Database } from './sqlite'
import { existsSync } from 'node:fs'
import { installHistory, recordAction } from './repos/history'

const port = parentPort
if (!port) throw new Error('db worker must run in a worker thread')

let db: Database | null = null
let path = ''
let saveDelayMs = 800
let timer: NodeJS.Timeout | null = null
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

async function saveNow(): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = null
  const d = requireDb()
  if (!state.dirty) return
  state.saving = true
  publish()
  // Edits that arrive during the save are serialised after it by the
  // message queue, so clearing dirty here cannot drop one.
  try {
    await saveDurably(d, path)
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

function scheduleSave(): void {
  state.dirty = true
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    chain = chain.then(saveNow)
  }, saveDelayMs)
  if (!state.saving) publish()
}

async function handle(req: WorkerRequest): Promise<unknown> {
  const now = new Date().toISOString()
  switch (req.type) {
    case 'open': {
      saveDelayMs = req.saveDelayMs
      const creating = req.create && !existsSync(req.path)
      // main holds the project's lock by now: temp files of saves that a
      // crash interrupted can go.
      removeStaleTemps(req.path)
      const opened = creating ? await createProjectDb(now) : await openProjectFile(req.path, now)
      db?.close()
      db = opened
      installHistory(opened)
      path = req.path
      Object.assign(state, { dirty: creating, saving: false, lastSavedAt: null, error: null })
      if (creating) await saveNow()
      if (state.error) throw new CoreError('IO', state.error)
      return { created: creating }
    }
    case 'call': {
      const d = requireDb()
      const op = lookupOp(req.op)
      if (!op) throw new Error(`unknown operation ${req.op}`)
      if (!op.mutation) return op.run(d, req.args, now)
      // One undoable, audited action per mutation (see repos/history.ts).
      const out = recordAction(d, req.op, req.args, now, () => op.run(d, req.args, now))
      scheduleSave()
      return out
    }
    case 'save':
      await saveNow()
      return { ...state }
    case 'saveAs': {
      const d = requireDb()
      await saveDurably(d, req.path)
      path = req.path
      Object.assign(state, { dirty: false, lastSavedAt: new Date().toISOString(), error: null })
      publish()
      return { ...state }
    }
    case 'close':
      if (db) await saveNow()
      if (state.error) throw new CoreError('IO', state.error)
      db?.close()
      db = null
      return null
  }
}

// One request at a time, in order: a save never interleaves with an edit.
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
