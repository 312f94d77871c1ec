// The suggestion worker thread: suggestions take tens of milliseconds per
// 100 kB and the model a few hundred to load, so they run here, off main's
// event loop (and the renderer's). The model is loaded once, on the first
// request (or a 'warm' one), and kept for the worker's life. Requests are
// answered in order.
import { parentPort } from 'node:worker_threads'
import { loadModel, modelLoadMs } from './model'
import type { SuggestRequest, SuggestResponse } from './protocol'
import { suggestEntities } from './suggest'

const port = parentPort
if (!port) throw new Error('the suggestion worker must run in a worker thread')

port.on('message', (req: SuggestRequest) => {
  const t0 = performance.now()
  let res: SuggestResponse
  try {
    if (req.kind === 'warm') {
      loadModel()
      res = { id: req.id, ok: true, suggestions: [], ms: performance.now() - t0, modelLoadMs: modelLoadMs() }
    } else {
      const suggestions = suggestEntities(req.text, req.options)
      res = { id: req.id, ok: true, suggestions, ms: performance.now() - t0, modelLoadMs: modelLoadMs() }
    }
  } catch (e) {
    res = { id: req.id, ok: false, message: (e as Error)?.message ?? String(e) }
  }
  port.postMessage(res)
})
