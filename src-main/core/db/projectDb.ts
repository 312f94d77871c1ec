// Main's handle on the database worker of one open project.
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ApiError } from '../../contract/api'
import type { SaveState } from '../../contract/types'
import { CoreError } from '../app/errors'
import { LONG_LIVED_WORKER_LIMITS } from '../app/workerMemory'
import type { OpArgs, OpName, OpResult } from './ops'
import { ProjectLock } from './projectLock'
import type { WorkerMessage, WorkerRequest } from './protocol'

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * Where the bundled worker is. The build puts db-worker.js beside the main
 * bundle; tests (running from source) point RWB_DB_WORKER at their own build.
 */
export function workerLocation(): URL | string {
  return process.env.RWB_DB_WORKER || new URL('./db-worker.js', import.meta.url)
}

export interface OpenOptions {
  /** Create the file when it does not exist yet. */
  create?: boolean
  /** Autosave delay after the last edit. */
  saveDelayMs?: number
}

export class ProjectDb {
  private seq = 0
  private pending = new Map<number, Pending>()
  private listeners = new Set<(s: SaveState) => void>()
  private closed = false
  saveState: SaveState = { dirty: false, saving: false, lastSavedAt: null, error: null }
  /** What the user should know about how the project opened (an edit journal kept aside), or null. */
  openNotice: string | null = null
  /** How many journaled edits were replayed when the project opened. */
  replayedEdits = 0

  private constructor(
    private readonly worker: Worker,
    public path: string,
    /** The project's lock file (one window per project); released on close. */
    private lock: ProjectLock
  ) {
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'saveState') {
        this.saveState = msg.state
        for (const l of this.listeners) l(msg.state)
        return
      }
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.ok) p.resolve(msg.value)
      else p.reject(new CoreError(msg.error.code, msg.error.message, msg.error.details))
    })
    const failAll = (why: string) => {
      this.closed = true
      this.lock.release()
      for (const p of this.pending.values()) p.reject(new CoreError('INTERNAL', why))
      this.pending.clear()
    }
    worker.on('error', (e) => failAll(`The database worker failed: ${e.message}`))
    worker.on('exit', (code) => failAll(`The database worker stopped (exit ${code}).`))
  }

  /**
   * Opens (or creates) a project. Refuses with CONFLICT when another window
   * has it open (its lock file), and takes over a lock a crash left behind.
   */
  static async open(path: string, opts: OpenOptions = {}): Promise<ProjectDb> {
    const lock = await ProjectLock.acquire(path)
    let worker: Worker
    try {
      worker = new Worker(workerLocation(), { resourceLimits: LONG_LIVED_WORKER_LIMITS })
    } catch (e) {
      lock.release()
      throw e
    }
    const pdb = new ProjectDb(worker, path, lock)
    try {
      const r = (await pdb.request({ type: 'open', path, create: opts.create ?? false, saveDelayMs: opts.saveDelayMs ?? 800 })) as { notice?: string | null; replayed?: number }
      pdb.openNotice = r?.notice ?? null
      pdb.replayedEdits = r?.replayed ?? 0
    } catch (e) {
      lock.release()
      await worker.terminate()
      throw e
    }
    return pdb
  }

  /** Why the lock was taken over from a crashed window, or null (for tests and logs). */
  get recoveredLock(): string | null {
    return this.lock.recovered
  }

  private request(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new CoreError('NO_PROJECT', 'The project is closed.'))
    const id = ++this.seq
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...req, id } as WorkerRequest)
    })
  }

  /** Runs an operation of the worker (ops.ts); operations without arguments may leave them out. */
  call<K extends OpName>(op: K, ...args: {} extends OpArgs<K> ? [args?: OpArgs<K>] : [args: OpArgs<K>]): Promise<OpResult<K>> {
    return this.request({ type: 'call', op, args: args[0] ?? {} }) as Promise<OpResult<K>>
  }

  /**
   * Writes the whole project file now (compaction) if the journal holds
   * edits; every acknowledged edit is already durable without it.
   * Resolves with the state after the save.
   */
  save(): Promise<SaveState> {
    return this.request({ type: 'save' }) as Promise<SaveState>
  }

  /** Saves to another path and continues there; the lock moves with it. */
  async saveAs(path: string): Promise<SaveState> {
    const same = resolve(path) === resolve(this.path)
    // Take the new path's lock first: a project open in another window is never overwritten.
    const newLock = same ? this.lock : await ProjectLock.acquire(path)
    let s: SaveState
    try {
      s = (await this.request({ type: 'saveAs', path })) as SaveState
    } catch (e) {
      if (!same) newLock.release()
      throw e
    }
    if (!same) {
      this.lock.release()
      this.lock = newLock
    }
    this.path = path
    return s
  }

  /**
   * Writes a self-contained copy (originals inline) to `path`; the project
   * stays open where it is. The target's lock is held while it is written,
   * so a project open elsewhere is never overwritten.
   */
  async exportOneFile(path: string): Promise<void> {
    if (resolve(path) === resolve(this.path)) throw new CoreError('CONFLICT', 'Choose another file name: this one is the open project.')
    const lock = await ProjectLock.acquire(path)
    try {
      await this.request({ type: 'exportOneFile', path })
    } finally {
      lock.release()
    }
  }

  onSaveState(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Flushes pending edits and stops the worker. Throws if the last save failed. */
  async close(): Promise<void> {
    if (this.closed) return
    // If the final save fails this throws and the worker (with the edits in
    // memory) stays alive, so the caller can still Save As elsewhere.
    await this.request({ type: 'close' })
    this.closed = true
    await this.worker.terminate()
    this.lock.release()
  }

  /** Stops the worker without saving (for a project that failed to open). */
  async abandon(): Promise<void> {
    this.closed = true
    await this.worker.terminate()
    this.lock.release()
  }
}

export type { ApiError }
