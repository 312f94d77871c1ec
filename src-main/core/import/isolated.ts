// Parsing in isolation: every file is parsed in the import worker thread
// (worker/importWorker.ts), never on main's event loop, with a time cap (the
// worker is terminated when a file runs over) and a memory cap (the worker's
// V8 heap limit). One worker serves file after file (1,000 small files cost
// one start-up), is replaced after a failure or a timeout, and stops after a
// while with nothing to do. Every failure is a CoreError('IMPORT_FAILED')
// with a plain reason, the worker dying included.
//
// OCR makes one file take minutes (a 20-page scan): while the worker reports
// OCR progress the time cap is per page (each page finished restarts the
// clock), and a running file can be cancelled (the worker is terminated,
// which also ends its OCR thread).
import { Worker } from 'node:worker_threads'
import { CoreError } from '../app/errors'
import type { FileForImport, ImportedDocument } from './readFile'
import type { ImportRequest, WorkerMessage } from './worker/protocol'

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_MEMORY_MB = 1536
/** An idle worker stops after this long, giving its memory back. */
export const DEFAULT_IDLE_MS = 30_000
/**
 * While OCR runs, the time cap between two pages. A page takes seconds on an
 * idle machine, but two pages are recognised side by side and a machine
 * busy with other work (measured: load 30 on 2 cores) stretched one past
 * 120 s: the cap is only a guard against a stuck reader (Cancel is the
 * user's way to stop a long scan), so it is generous.
 */
export const OCR_PAGE_TIMEOUT_MS = 300_000
/** Why a file's import stopped when the user cancelled it. */
export const IMPORT_CANCELLED = 'the import was cancelled while this file was read'

export interface IsolationOptions {
  /** Terminate the worker when one file takes longer than this (default 20 s). */
  timeoutMs?: number
  /** The worker's heap limit (V8 old generation), in MB (default 1536). */
  maxMemoryMb?: number
  /** Hears of OCR progress: `done` of `total` pages recognised (0 before the first; done === total: finished). */
  onOcrProgress?: (done: number, total: number) => void
}

/**
 * Where the bundled worker is. The build puts import-worker.js beside the
 * main bundle; tests (running from source) point RWB_IMPORT_WORKER at their
 * own build, as RWB_DB_WORKER for the database worker.
 */
export function importWorkerLocation(): URL | string {
  return process.env.RWB_IMPORT_WORKER || new URL('./import-worker.js', import.meta.url)
}

export const OUT_OF_MEMORY = 'the file needs more memory than allowed to read'

export function timeoutMessage(ms: number): string {
  // 20000 → "20 s", 300 → "0.3 s", 1250 → "1.25 s"
  return `reading the file took longer than ${Number((ms / 1000).toFixed(2))} s`
}

interface Job {
  id: number
  file: FileForImport
  timeoutMs: number
  memoryMb: number
  resolve: (doc: ImportedDocument) => void
  reject: (e: CoreError) => void
  onOcrProgress?: (done: number, total: number) => void
  /** Whether this job already ran out of memory once in a well-used worker. */
  retried?: boolean
}

/**
 * A worker is replaced after this many files: parsers keep caches, and a
 * long-lived worker (~700 pages in the bench) can reach the memory cap on a
 * perfectly good file.
 */
export const RECYCLE_AFTER_FILES = 200

export interface ImportWorkerStats {
  /** Workers started so far (a restart after a failure counts). */
  starts: number
  /** Files answered so far. */
  jobs: number
  /** Whether a worker is running now. */
  running: boolean
}

class ImportWorkerHost {
  private worker: Worker | null = null
  private memoryMb = 0
  private queue: Job[] = []
  private current: Job | null = null
  private timer: NodeJS.Timeout | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private seq = 0
  /** Files the current worker has answered. */
  private served = 0
  idleMs = DEFAULT_IDLE_MS
  starts = 0
  jobs = 0

  parse(file: FileForImport, opts: IsolationOptions = {}): Promise<ImportedDocument> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const memoryMb = opts.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB
    if (!(timeoutMs > 0) || !(memoryMb > 0)) return Promise.reject(new CoreError('BAD_ARGS', 'time and memory caps must be positive'))
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.seq, file, timeoutMs, memoryMb, resolve, reject, onOcrProgress: opts.onOcrProgress })
      this.next()
    })
  }

  private next(): void {
    if (this.current) return
    const job = this.queue.shift()
    if (!job) {
      this.idle()
      return
    }
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    this.current = job
    let worker: Worker
    try {
      worker = this.workerFor(job.memoryMb)
    } catch (e) {
      this.settle(job, new CoreError('IMPORT_FAILED', `the import worker could not start (${(e as Error).message})`))
      return
    }
    worker.ref()
    this.startTimer(job, job.timeoutMs)
    const req: ImportRequest = { id: job.id, file: job.file }
    worker.postMessage(req)
  }

  private startTimer(job: Job, ms: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.current !== job) return
      // Terminating is the only way to stop a parser stuck in a loop.
      this.discard()
      this.settle(job, new CoreError('IMPORT_FAILED', timeoutMessage(ms)))
    }, ms)
  }

  /** Answers the current job and goes on with the queue. */
  private settle(job: Job, result: ImportedDocument | CoreError): void {
    if (this.current !== job) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.current = null
    this.jobs++
    this.served++
    this.worker?.unref()
    if (result instanceof CoreError) job.reject(result)
    else job.resolve(result)
    this.next()
  }

  private workerFor(memoryMb: number): Worker {
    if (this.worker && this.memoryMb === memoryMb && this.served < RECYCLE_AFTER_FILES) return this.worker
    this.discard()
    this.served = 0
    const worker = new Worker(importWorkerLocation(), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, memoryMb / 8)), stackSizeMb: 4 }
    })
    this.worker = worker
    this.memoryMb = memoryMb
    this.starts++
    worker.on('message', (res: WorkerMessage) => {
      const job = this.current
      if (worker !== this.worker || !job || res.id !== job.id) return
      if ('ocrProgress' in res) {
        // A page is done (or the first starts): the clock restarts, with a page's time.
        const { done, total } = res.ocrProgress
        if (done < total) this.startTimer(job, Math.max(job.timeoutMs, OCR_PAGE_TIMEOUT_MS))
        else this.startTimer(job, job.timeoutMs)
        job.onOcrProgress?.(done, total)
        return
      }
      this.settle(job, res.ok ? res.doc : new CoreError(res.error.code, res.error.message))
    })
    const died = (why: CoreError) => {
      if (worker !== this.worker) return
      this.worker = null
      const job = this.current
      // Out of memory in a worker that had read other files first: the
      // memory may be theirs, so the file gets one more try in a fresh worker.
      if (job && why.message === OUT_OF_MEMORY && this.served > 0 && !job.retried) {
        job.retried = true
        if (this.timer) clearTimeout(this.timer)
        this.timer = null
        this.current = null
        this.queue.unshift(job)
        this.next()
        return
      }
      if (job) this.settle(job, why)
    }
    worker.on('error', (e: Error & { code?: string }) => {
      died(
        new CoreError(
          'IMPORT_FAILED',
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : `the file reader stopped unexpectedly (${e.message})`
        )
      )
    })
    worker.on('exit', (code) => died(new CoreError('IMPORT_FAILED', `the file reader stopped unexpectedly (exit code ${code})`)))
    return worker
  }

  /** Stops the worker (if any) without waiting; its events are ignored from now on. */
  private discard(): void {
    const w = this.worker
    this.worker = null
    if (w) void w.terminate().catch(() => {})
  }

  private idle(): void {
    if (!this.worker || this.idleTimer) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (!this.current && !this.queue.length) this.discard()
    }, this.idleMs)
    this.idleTimer.unref()
  }

  /** Stops the file being read now (its promise rejects with IMPORT_CANCELLED); the queue goes on. */
  cancelCurrent(): boolean {
    const job = this.current
    if (!job) return false
    this.discard()
    this.settle(job, new CoreError('IMPORT_FAILED', IMPORT_CANCELLED))
    return true
  }

  stats(): ImportWorkerStats {
    return { starts: this.starts, jobs: this.jobs, running: this.worker !== null }
  }

  async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const w = this.worker
    this.worker = null
    const stopped = () => new CoreError('IMPORT_FAILED', 'the import was stopped')
    for (const j of this.queue.splice(0)) j.reject(stopped())
    const job = this.current
    if (job) this.settle(job, stopped())
    if (w) await w.terminate().catch(() => {})
  }
}

const host = new ImportWorkerHost()

/**
 * Parses a file (read with readForImport) in the import worker. Resolves with
 * the document; rejects with CoreError('IMPORT_FAILED', reason) on every
 * failure: unreadable or hostile content, the time cap, the memory cap, the
 * worker dying. Calls are queued and parsed one at a time.
 */
export function parseIsolated(file: FileForImport, opts?: IsolationOptions): Promise<ImportedDocument> {
  return host.parse(file, opts)
}

/** Stops the file the import worker is reading now (an OCR of many pages); false when it reads none. */
export function cancelCurrentImport(): boolean {
  return host.cancelCurrent()
}

export function importWorkerStats(): ImportWorkerStats {
  return host.stats()
}

/** Stops the import worker now (it starts again on the next file). */
export function stopImportWorker(): Promise<void> {
  return host.stop()
}

/** How long an idle worker is kept (tests shorten it). */
export function setImportWorkerIdleMs(ms: number): void {
  host.idleMs = ms
}
