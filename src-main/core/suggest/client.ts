// Main's handle on the suggestion worker: one worker, started on first use,
// requests answered by id. The worker holds the model (tens of MB), so it
// stops after a while with nothing to do and starts again when needed; a
// worker that dies fails its pending requests with the reason and is
// replaced on the next request.
import { Worker } from 'node:worker_threads'
import { CoreError } from '../app/errors'
import { LONG_LIVED_WORKER_LIMITS } from '../app/workerMemory'
import type { SuggestPart, SuggestRequest, SuggestResponse, SuggestTiming } from './protocol'
import type { SuggestOptions, Suggestion } from './types'

/**
 * Where the bundled worker is: the build puts suggest-worker.js beside the
 * main bundle (electron.vite.config.ts); tests and benchmarks running from
 * elsewhere point RWB_SUGGEST_WORKER at their own build.
 */
export function suggestWorkerLocation(): URL | string {
  return process.env.RWB_SUGGEST_WORKER || new URL('./suggest-worker.js', import.meta.url)
}

export const DEFAULT_IDLE_MS = 60_000

type Pending = { resolve: (r: SuggestResponse & { ok: true }) => void; reject: (e: Error) => void; parts: Suggestion[][] }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export class SuggestClient {
  private worker: Worker | null = null
  private seq = 0
  private pending = new Map<number, Pending>()
  private idleTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly location: URL | string = suggestWorkerLocation(),
    private readonly idleMs = DEFAULT_IDLE_MS
  ) {}

  /** Suggestions for one text, computed in the worker. */
  async suggest(text: string, options: SuggestOptions = {}): Promise<{ suggestions: Suggestion[] } & SuggestTiming> {
    const r = await this.request({ kind: 'suggest', text, options })
    return { suggestions: r.suggestions, ms: r.ms, cpuMs: r.cpuMs, modelLoadMs: r.modelLoadMs }
  }

  /** Loads the model ahead of the first document; resolves with the load time. */
  async warm(): Promise<SuggestTiming> {
    const r = await this.request({ kind: 'warm' })
    return { ms: r.ms, cpuMs: r.cpuMs, modelLoadMs: r.modelLoadMs }
  }

  private request(req: DistributiveOmit<SuggestRequest, 'id'>): Promise<SuggestResponse & { ok: true }> {
    const worker = this.start()
    const id = ++this.seq
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    worker.ref()
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, parts: [] })
      worker.postMessage({ ...req, id } as SuggestRequest)
    })
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.location, { resourceLimits: LONG_LIVED_WORKER_LIMITS })
    this.worker = worker
    worker.on('message', (res: SuggestResponse | SuggestPart) => {
      const p = this.pending.get(res.id)
      if (!p) return
      if ('part' in res) return void p.parts.push(res.part)
      this.pending.delete(res.id)
      if (res.ok) p.resolve(p.parts.length ? { ...res, suggestions: [...p.parts.flat(), ...res.suggestions] } : res)
      else p.reject(new Error(`suggestions failed: ${res.message}`))
      if (!this.pending.size) this.idle()
    })
    const died = (why: string) => {
      if (this.worker !== worker) return
      this.worker = null
      for (const p of this.pending.values()) p.reject(new Error(why))
      this.pending.clear()
    }
    worker.on('error', (e) => died(`the suggestion worker failed: ${e.message}`))
    worker.on('exit', (code) => died(`the suggestion worker stopped (exit ${code})`))
    return worker
  }

  private idle(): void {
    this.worker?.unref()
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs)
    this.idleTimer.unref()
  }

  /** Stops the worker; pending requests fail. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const w = this.worker
    if (!w) return
    this.worker = null
    // Stopped only when the app closes: an expected end for a request, not a fault to log.
    for (const p of this.pending.values()) p.reject(new CoreError('NO_PROJECT', 'The app is closing: the suggestions were not finished.'))
    this.pending.clear()
    await w.terminate()
  }
}
