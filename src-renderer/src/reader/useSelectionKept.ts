// The reader's selection (or caret) survives the suggestion layer changing
// under it. Suggestions arrive from a worker whenever they like; when one
// splits or joins runs, React rewrites those runs' text nodes and the browser
// collapses a selection inside them to the node's start, so words selected
// with Shift+arrows, or the caret, were lost just before T or C. The
// selection is remembered in canonical offsets on every change and, after a
// suggestion update, put back where it was (anchor and focus, so Shift+arrows
// carry on in the same direction).
//
// It is also read during the render that brings new suggestions, while the
// DOM is still the old one: `selectionchange` is queued as a task, so a
// selection set by code just before (Esc closing the tag popover puts the
// words back) may not have been reported yet when a worker's answer is
// committed. Relying on the event alone lost those words (seen as a flaky
// "T opens nothing" after Esc while a fresh import's suggestions landed).
// Reading the DOM in render is a side effect React tolerates here: it only
// refreshes a ref, and reading twice gives the same answer.
//
// Trade-offs: only the suggestion layer is watched. Tags and claims change
// because the analyst acted, and those actions place the selection
// themselves; restoring an older one after them would undo that. A mouse
// drag in progress cannot be put back this way, so suggestions are held
// still during one instead (useHeldWhilePressed).
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import { textOffset, textPoint } from './selection'

interface Kept {
  anchor: number
  focus: number
}

function read(root: HTMLElement): Kept | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0) return null
  const anchor = textOffset(root, sel.anchorNode, sel.anchorOffset)
  const focus = textOffset(root, sel.focusNode, sel.focusOffset)
  return anchor === null || focus === null ? null : { anchor, focus }
}

export function useSelectionKept(textRef: RefObject<HTMLElement | null>, watched: unknown): void {
  const kept = useRef<Kept | null>(null)
  const seen = useRef<unknown>(watched)
  if (seen.current !== watched) {
    seen.current = watched
    const root = textRef.current
    if (root) kept.current = read(root)
  }
  useEffect(() => {
    const on = () => {
      const root = textRef.current
      kept.current = root ? read(root) : null
    }
    document.addEventListener('selectionchange', on)
    return () => document.removeEventListener('selectionchange', on)
  }, [textRef])

  useLayoutEffect(() => {
    const root = textRef.current
    const was = kept.current
    const sel = window.getSelection()
    // Nothing to put back, or the selection left the text (or was cleared) on purpose.
    if (!root || !was || !sel || sel.rangeCount === 0 || !root.contains(sel.anchorNode)) return
    const now = read(root)
    if (now && now.anchor === was.anchor && now.focus === was.focus) return
    const a = textPoint(root, was.anchor)
    const f = textPoint(root, was.focus)
    if (a && f) sel.setBaseAndExtent(a[0], a[1], f[0], f[1])
  }, [textRef, watched])
}
