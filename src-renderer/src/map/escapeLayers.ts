// What Escape closes on the map, innermost first: the node menu and the
// toolbar's "More" panel register here while they are open, and the shell's
// Escape command (shell/commands) closes the most recent one before it
// closes the evidence panel or leaves focus mode.
//
// Trade-off: a module-level stack rather than store fields, because these
// are local to their components (their open state is React state) and the
// command must ask synchronously whether Escape has anything to close (else
// the key is left to whatever has the focus). No Cytoscape here, so the
// shell can import it through map/index.ts.
import { useEffect } from 'react'

const layers: (() => void)[] = []

/** While `open`, Escape calls `close` (the most recently opened layer first). */
export function useEscapeLayer(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return
    layers.push(close)
    return () => {
      const i = layers.lastIndexOf(close)
      if (i >= 0) layers.splice(i, 1)
    }
  }, [open, close])
}

export function hasMapLayer(): boolean {
  return layers.length > 0
}

/** Closes the innermost open layer; false when none is open. */
export function closeMapLayer(): boolean {
  const close = layers[layers.length - 1]
  if (!close) return false
  close()
  return true
}
