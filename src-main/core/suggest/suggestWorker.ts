// The suggestion worker thread: suggestions take tens of milliseconds per
// 100 kB and the model a few hundred to load, so they run here, off main's
// event loop (and the renderer's). The model is loaded once, on the first
// request (or a 'warm' one), and kept for the worker's life. Requests are
// answered in order, one at a time (a long answer is sent in parts with a
// breather between them, see protocol.ts, and the next request waits for it).
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { quietCollector } from '../app/quietCollect'
import { runInBackground } from '../app/threadPriority'
import { PART_SIZE, type SuggestPart, type SuggestRequest, type SuggestResponse } from './protocol'

const port = parentPort
if (!port) throw new Error('the suggestion worker must run in a worker thread')
// Background work: below main and the UI (threadPriority.ts).
runInBackground()
// The model, its lexicons and the suggester (some megabytes of JavaScript to
// compile) load only now, at the lowered priority, as the import worker's
// parsers do: as static imports they were evaluated before this module's
// first line, at main's priority.
const engine = Promise.all([import('./model'), import('./suggest')])

/** This thread's time on a CPU so far, in ms (Linux's /proc/thread-self/schedstat), or null. */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    return null
  }
}

/** A millisecond for main's loop to read the part just sent before the next one queues behind it. */
const breather = () => new Promise((resolve) => setTimeout(resolve, 1))

async function answer(req: SuggestRequest): Promise<void> {
  const t0 = performance.now()
  const c0 = threadCpuMs()
  const cpu = () => {
    const c1 = threadCpuMs()
    return c0 === null || c1 === null ? null : c1 - c0
  }
  let res: SuggestResponse
  try {
    const [{ loadModel, modelLoadMs }, { suggestEntities }] = await engine
    if (req.kind === 'warm') {
      loadModel()
      res = { id: req.id, ok: true, suggestions: [], ms: performance.now() - t0, cpuMs: cpu(), modelLoadMs: modelLoadMs() }
    } else {
      const suggestions = suggestEntities(req.text, req.options)
      const ms = performance.now() - t0
      const cpuMs = cpu()
      let from = 0
      for (; suggestions.length - from > PART_SIZE; from += PART_SIZE) {
        port!.postMessage({ id: req.id, part: suggestions.slice(from, from + PART_SIZE) } satisfies SuggestPart)
        await breather()
      }
      res = { id: req.id, ok: true, suggestions: from ? suggestions.slice(from) : suggestions, ms, cpuMs, modelLoadMs: modelLoadMs() }
    }
  } catch (e) {
    res = { id: req.id, ok: false, message: (e as Error)?.message ?? String(e) }
  }
  port!.postMessage(res)
}

// Once the requests have stopped coming, the heap the model's work grew is given back (../app/quietCollect.ts).
const collect = quietCollector()
let queue: Promise<void> = Promise.resolve()
port.on('message', (req: SuggestRequest) => {
  collect.started()
  queue = queue.then(() => answer(req)).finally(() => collect.finished())
})
