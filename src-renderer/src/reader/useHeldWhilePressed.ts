// A value the reader draws into its text runs, held still while the mouse
// button is down in the text. Suggestions arrive from a worker at any moment
// (after each tag the project's names change and they are recomputed); if one
// splits a run during a drag, React rewrites that run's text node and the
// browser moves the drag's anchor to the node's start, so the words tagged
// began at the block's start. Holding the layer until the release keeps the
// runs the drag began on; the newest value is drawn right after.
//
// Trade-off: a suggestion can show up to one drag late; nothing is lost, the
// held value is only a view of the store.
import { useEffect, useRef, useState, type MutableRefObject } from 'react'

export function useHeldWhilePressed<T>(value: T, pressed: MutableRefObject<boolean>): T {
  const shown = useRef(value)
  const [, redraw] = useState(0)
  if (!pressed.current) shown.current = value
  useEffect(() => {
    // Draw what arrived during the drag once the button is up (after the reader has read the selection).
    const release = () => setTimeout(() => redraw((n) => n + 1), 0)
    window.addEventListener('mouseup', release)
    return () => window.removeEventListener('mouseup', release)
  }, [])
  return shown.current
}
