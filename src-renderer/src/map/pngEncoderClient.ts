// Encodes an export's rows in a Web Worker (pngEncoder.worker.ts), so the
// UI thread can draw band n+1 while band n is filtered and deflated: on two
// cores the export takes about as long as the drawing alone. Where no worker
// can start, the same encoder runs on this thread.
import { ScanlineDeflater } from './imageEncoder'

export interface RowSink {
  readonly channels: 3 | 4
  /** Takes the rows (the buffer may be handed to the worker: do not reuse it). */
  addRows(rgba: Uint8ClampedArray, rows: number): Promise<void>
  finish(): Promise<Uint8Array<ArrayBuffer>>
}

class WorkerSink implements RowSink {
  readonly channels: 3 | 4
  private readonly result: Promise<Uint8Array<ArrayBuffer>>
  constructor(
    private readonly worker: Worker,
    width: number,
    height: number,
    alpha: boolean
  ) {
    this.channels = alpha ? 4 : 3
    this.result = new Promise((ok, fail) => {
      worker.onmessage = (e: MessageEvent<{ kind: 'done'; zlib: Uint8Array<ArrayBuffer> } | { kind: 'error'; message: string }>) => {
        worker.terminate()
        if (e.data.kind === 'done') ok(e.data.zlib)
        else fail(new Error(`PNG encoding failed: ${e.data.message}`))
      }
      worker.onerror = (e) => {
        worker.terminate()
        fail(new Error(`PNG encoding failed: ${e.message || 'the encoder stopped'}`))
      }
    })
    // A failure is reported by finish(); until then it must not count as unhandled.
    this.result.catch(() => {})
    worker.postMessage({ kind: 'start', width, height, alpha })
  }
  async addRows(rgba: Uint8ClampedArray, rows: number): Promise<void> {
    const whole = rgba.byteOffset === 0 && rgba.byteLength === rgba.buffer.byteLength
    const buf = whole ? (rgba.buffer as ArrayBuffer) : rgba.slice().buffer
    this.worker.postMessage({ kind: 'rows', rgba: buf, rows }, [buf])
  }
  finish(): Promise<Uint8Array<ArrayBuffer>> {
    this.worker.postMessage({ kind: 'finish' })
    return this.result
  }
}

/** A sink for width × height rows: in a worker when one starts, else on this thread. */
export function rowSink(width: number, height: number, alpha: boolean, inWorker = true): RowSink {
  if (inWorker && typeof Worker !== 'undefined') {
    try {
      const w = new Worker(new URL('./pngEncoder.worker.ts', import.meta.url), { type: 'module', name: 'png-encoder' })
      return new WorkerSink(w, width, height, alpha)
    } catch {
      // no worker here (a test page, a strict policy): encode on this thread
    }
  }
  return new ScanlineDeflater(width, height, alpha)
}
