// The reader's selection (or caret) survives the suggestion layer changing
// under it. Suggestions arrive from a worker whenever they like; when one
// splits or joins runs, React rewrites those runs' text nodes and the browser
// collapses a selection inside them to the node's start, so words selected
// with Shift+arrows, or the caret, were lost just before T or C. The
// selection is remembered in canonical offsets on every change and, after a
// suggestion update, put back where it was (anchor and focus, so Shift+arrows
// carry on in the same direction).
//
// Trade-offs: only the suggestion layer is watched. Tags and claims change
// because the analyst acted, and those actions place the selection
// themselves; restoring an older one after them would undo that. A mouse
// drag in progress cannot be put back this way, so suggestions are held
// still during one instead (useHeldWhilePressed).
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

interface Kept {
  anchor: number
  focus: number
}

/** The canonical offset of a point in a text run, or null (an element boundary, or outside the text). */
function offsetOf(root: HTMLElement, node: Node | null, offset: number): number | null {
  if (!node || node.nodeType !== Node.TEXT_NODE || !root.contains(node)) return null
  const run = node.parentElement?.closest<HTMLElement>('[data-s]')
  return run ? Number(run.dataset.s) + offset : null
}

/** The text node and offset of a canonical offset, inside a run where one holds it. */
function pointAt(root: HTMLElement, pos: number): [Node, number] | null {
  let end: [Node, number] | null = null
  for (const r of root.querySelectorAll<HTMLElement>('[data-s]')) {
    const s = Number(r.dataset.s)
    const len = r.textContent?.length ?? 0
    if (!r.firstChild) continue
    if (pos >= s && pos < s + len) return [r.firstChild, pos - s]
    if (pos === s + len) end = [r.firstChild, len]
  }
  return end
}

function read(root: HTMLElement): Kept | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0) return null
  const anchor = offsetOf(root, sel.anchorNode, sel.anchorOffset)
  const focus = offsetOf(root, sel.focusNode, sel.focusOffset)
  return anchor === null || focus === null ? null : { anchor, focus }
}

export function useSelectionKept(textRef: RefObject<HTMLElement | null>, watched: unknown): void {
  const kept = useRef<Kept | null>(null)
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
    const a = pointAt(root, was.anchor)
    const f = pointAt(root, was.focus)
    if (a && f) sel.setBaseAndExtent(a[0], a[1], f[0], f[1])
  }, [textRef, watched])
}
