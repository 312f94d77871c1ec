// The suggestion worker thread: suggestions take tens of milliseconds per
// 100 kB and the model a few hundred to load, so they run here, off main's
// event loop (and the renderer's). The model is loaded once, on the first
// request (or a 'warm' one), and kept for the worker's life. Requests are
// answered in order.
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { loadModel, modelLoadMs } from './model'
import type { SuggestRequest, SuggestResponse } from './protocol'
import { suggestEntities } from './suggest'

const port = parentPort
if (!port) throw new Error('the suggestion worker must run in a worker thread')

/** This thread's time on a CPU so far, in ms (Linux's /proc/thread-self/schedstat), or null. */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    return null
  }
}

port.on('message', (req: SuggestRequest) => {
  const t0 = performance.now()
  const c0 = threadCpuMs()
  const cpu = () => {
    const c1 = threadCpuMs()
    return c0 === null || c1 === null ? null : c1 - c0
  }
  let res: SuggestResponse
  try {
    if (req.kind === 'warm') {
      loadModel()
      res = { id: req.id, ok: true, suggestions: [], ms: performance.now() - t0, cpuMs: cpu(), modelLoadMs: modelLoadMs() }
    } else {
      const suggestions = suggestEntities(req.text, req.options)
      res = { id: req.id, ok: true, suggestions, ms: performance.now() - t0, cpuMs: cpu(), modelLoadMs: modelLoadMs() }
    }
  } catch (e) {
    res = { id: req.id, ok: false, message: (e as Error)?.message ?? String(e) }
  }
  port.postMessage(res)
})
