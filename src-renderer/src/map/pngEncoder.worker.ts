// The PNG encoder's Web Worker: filters and deflates the export's bands of
// pixels while the UI thread draws the next band (pngEncoderClient.ts).
import { ScanlineDeflater } from './imageEncoder'

type Msg = { kind: 'start'; width: number; height: number; alpha: boolean } | { kind: 'rows'; rgba: ArrayBuffer; rows: number } | { kind: 'finish' }

const post = (m: unknown, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer)

let deflater: ScanlineDeflater | null = null
// Messages are handled one after another: rows must reach the deflater in order.
let queue: Promise<void> = Promise.resolve()

self.onmessage = (e: MessageEvent<Msg>) => {
  const m = e.data
  queue = queue
    .then(async () => {
      if (m.kind === 'start') deflater = new ScanlineDeflater(m.width, m.height, m.alpha)
      else if (m.kind === 'rows') await deflater!.addRows(new Uint8Array(m.rgba), m.rows)
      else {
        const zlib = await deflater!.finish()
        deflater = null
        post({ kind: 'done', zlib }, [zlib.buffer])
      }
    })
    .catch((err: unknown) => {
      deflater = null
      post({ kind: 'error', message: err instanceof Error ? err.message : String(err) })
    })
}
