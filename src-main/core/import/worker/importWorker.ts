// The import worker: parses one file at a time, off main's event loop. Main
// (isolated.ts) caps its time and memory and replaces it when it fails; this
// side only answers each request with a document or a plain reason.
import { parentPort } from 'node:worker_threads'
import { isCoreError } from '../../app/errors'
import { runInBackground } from '../../app/threadPriority'
import type { ImportProgressMessage, ImportRequest, ImportResponse } from './protocol'

const port = parentPort
if (!port) throw new Error('the import worker must run in a worker thread')
// Below main and the UI; the OCR recognisers it starts inherit it (threadPriority.ts).
runInBackground()
// The parsers (jsdom, pdf.js, mammoth: a third of a second of CPU) load only
// now, at the lowered priority: as static imports they were evaluated before
// this module's first line, at main's priority, and a new worker (one every
// 200 files, isolated.ts) held main back up to 57 ms on two cores.
const parsers = import('../importFile')

// pdf.js can leave a rejected promise behind after a damaged file has been
// answered for; it must not take the worker (and the next file) down.
process.on('unhandledRejection', () => {})

port.on('message', async (req: ImportRequest) => {
  let res: ImportResponse
  try {
    const onProgress = (done: number, total: number) => port.postMessage({ id: req.id, ocrProgress: { done, total } } satisfies ImportProgressMessage)
    const { parseDocument } = await parsers
    res = { id: req.id, ok: true, doc: await parseDocument(req.file, { onProgress }) }
  } catch (e) {
    res = {
      id: req.id,
      ok: false,
      error: isCoreError(e)
        ? { code: e.code, message: e.message }
        : { code: 'IMPORT_FAILED', message: `the file could not be read (${(e as Error)?.message ?? String(e)})` }
    }
  }
  try {
    port.postMessage(res)
  } catch (e) {
    // A result that cannot be sent (it never should): say so rather than go quiet.
    port.postMessage({ id: req.id, ok: false, error: { code: 'IMPORT_FAILED', message: `the file could not be read (${(e as Error).message})` } } satisfies ImportResponse)
  }
})
