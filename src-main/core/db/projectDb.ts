// Main's handle on the database worker of one open project.
import { Worker } from 'node:worker_threads'
import type { ApiError } from '../../contract/api'
import type { SaveState } from '../../contract/types'
import { CoreError } from '../app/errors'
import type { OpArgs, OpName, OpResult } from './ops'
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

  private constructor(
    private readonly worker: Worker,
    public path: string
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
      else p.reject(new CoreError(msg.error.code, msg.error.message))
    })
    const failAll = (why: string) => {
      this.closed = true
      for (const p of this.pending.values()) p.reject(new CoreError('INTERNAL', why))
      this.pending.clear()
    }
    worker.on('error', (e) => failAll(`The database worker failed: ${e.message}`))
    worker.on('exit', (code) => failAll(`The database worker stopped (exit ${code}).`))
  }

  static async open(path: string, opts: OpenOptions = {}): Promise<ProjectDb> {
    const worker = new Worker(workerLocation())
    const pdb = new ProjectDb(worker, path)
    try {
      await pdb.request({ type: 'open', path, create: opts.create ?? false, saveDelayMs: opts.saveDelayMs ?? 800 })
    } catch (e) {
      await worker.terminate()
      throw e
    }
    return pdb
  }

  private request(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new CoreError('NO_PROJECT', 'The project is closed.'))
    const id = ++this.seq
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...req, id } as WorkerRequest)
    })
  }

  call<K extends OpName>(op: K, args: OpArgs<K>): Promise<OpResult<K>> {
    return this.request({ type: 'call', op, args }) as Promise<OpResult<K>>
  }

  /** Saves now if anything changed; resolves with the state after the save. */
  save(): Promise<SaveState> {
    return this.request({ type: 'save' }) as Promise<SaveState>
  }

  async saveAs(path: string): Promise<SaveState> {
    const s = (await this.request({ type: 'saveAs', path })) as SaveState
    this.path = path
    return s
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
  }

  /** Stops the worker without saving (for a project that failed to open). */
  async abandon(): Promise<void> {
    this.closed = true
    await this.worker.terminate()
  }
}

export type { ApiError }
