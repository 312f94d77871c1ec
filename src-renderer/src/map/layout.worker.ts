// The layout Web Worker: long layouts run here, off the UI thread.
import { computePositions, type LayoutRequest } from './layoutEngine'

interface Msg {
  id: number
  req: LayoutRequest
}

const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m)

self.onmessage = (e: MessageEvent<Msg>) => {
  const { id, req } = e.data
  const t0 = performance.now()
  try {
    const positions = computePositions(req, (phase) => post({ id, phase }))
    post({ id, positions, ms: performance.now() - t0 })
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) })
  }
}
