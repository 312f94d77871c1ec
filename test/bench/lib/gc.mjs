// A full GC on main between measurements, so garbage the benchmark itself
// made (e.g. 1,000 article buffers) is not collected in the middle of a
// measured save and counted as the save blocking main.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gcFn = globalThis.gc
if (typeof gcFn !== 'function') {
  try {
    setFlagsFromString('--expose-gc')
    gcFn = runInNewContext('gc')
  } catch {
    gcFn = null
  }
}

export function collectGarbage() {
  if (gcFn) gcFn()
}
