// Runs a layout plan: in the layout worker when the plan says so (and a
// worker can start), else on this thread after the progress line painted.
import type { LayoutPlan } from './layoutChoice'
import { computePositions, type LayoutRequest, type Positions } from './layoutEngine'

export interface LayoutJob {
  promise: Promise<Positions>
  cancel(): void
  /** Where it runs: the layout worker, or this thread. */
  where: 'worker' | 'thread'
}

let worker: Worker | null = null
let nextId = 0

function getWorker(): Worker | null {
  if (worker) return worker
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'map-layout' })
  } catch {
    worker = null
  }
  return worker
}

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)))

export function runLayoutPlan(plan: LayoutPlan, req: Omit<LayoutRequest, 'plan'>, onPhase: (i: number) => void): LayoutJob {
  const full: LayoutRequest = { ...req, plan: { name: plan.name, options: plan.options, tidy: plan.tidy } }
  const w = plan.inWorker ? getWorker() : null
  if (!w) {
    let cancelled = false
    const promise = (async () => {
      onPhase(0)
      await nextFrame()
      if (cancelled) throw new Error('cancelled')
      return computePositions(full, onPhase)
    })()
    return { promise, cancel: () => (cancelled = true), where: 'thread' }
  }
  const id = ++nextId
  let reject: (e: Error) => void = () => {}
  const job: LayoutJob = { promise: null as unknown as Promise<Positions>, where: 'worker', cancel: () => {} }
  job.promise = new Promise<Positions>((ok, fail) => {
    reject = fail
    const onMessage = (e: MessageEvent<{ id: number; phase?: number; positions?: Positions; error?: string }>) => {
      if (e.data.id !== id) return
      if (e.data.phase !== undefined) return onPhase(e.data.phase)
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', onError)
      if (e.data.positions) ok(e.data.positions)
      else fail(new Error(e.data.error ?? 'the layout failed'))
    }
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', onError)
      worker?.terminate()
      worker = null
      // A worker that cannot start (or crashed): do the work here instead.
      job.where = 'thread'
      try {
        ok(computePositions(full, onPhase))
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(e.message)))
      }
    }
    w.addEventListener('message', onMessage)
    w.addEventListener('error', onError)
    onPhase(0)
    w.postMessage({ id, req: full })
  })
  job.cancel = () => {
    // Stops the computation at once; the next layout starts a fresh worker.
    worker?.terminate()
    worker = null
    reject(new Error('cancelled'))
  }
  return job
}
