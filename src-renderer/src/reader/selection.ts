// Maps a DOM selection in the reader to offsets in the canonical text. Every
// text run is a <span data-s="offset"> holding exactly one text node.
function runOf(node: Node | null): HTMLElement | null {
  const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement | null)
  return el?.closest<HTMLElement>('[data-s]') ?? null
}

/**
 * The canonical offset of a point inside a text run of `root` (a text node and
 * an offset in it), or null for an element boundary or a point outside. The
 * one place that reads a run's `data-s`: the selection, the caret and the
 * suggestions all use it.
 */
export function textOffset(root: HTMLElement, node: Node | null, offset: number): number | null {
  if (!node || node.nodeType !== Node.TEXT_NODE) return null
  const run = runOf(node)
  return run && root.contains(run) ? Number(run.dataset.s) + offset : null
}

/** The text node and offset holding a canonical offset (the run that starts there, or one that ends there). */
export function textPoint(root: HTMLElement, pos: number): [Node, number] | null {
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

function pointOffset(container: HTMLElement, node: Node, offset: number, atEnd: boolean): number | null {
  if (node.nodeType === Node.TEXT_NODE) return textOffset(container, node, offset)
  // An element boundary: use the nearest run on the proper side.
  const runs = [...container.querySelectorAll<HTMLElement>('[data-s]')]
  const probe = document.createRange()
  probe.setStart(node, offset)
  if (atEnd) {
    // the last run that ends at or before the point
    for (let i = runs.length - 1; i >= 0; i--) {
      const r = runs[i]!
      if (probe.comparePoint(r, r.childNodes.length) <= 0) return Number(r.dataset.s) + (r.textContent?.length ?? 0)
    }
  } else {
    // the first run that starts at or after the point
    for (const r of runs) if (probe.comparePoint(r, 0) >= 0) return Number(r.dataset.s)
  }
  return null
}

export function selectionOffsets(container: HTMLElement): { start: number; end: number; text: string } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!container.contains(range.commonAncestorContainer)) return null
  const start = pointOffset(container, range.startContainer, range.startOffset, false)
  const end = pointOffset(container, range.endContainer, range.endOffset, true)
  if (start === null || end === null || end <= start) return null
  return { start, end, text: sel.toString() }
}

/** Selects the text between two offsets (used by find and tests). */
export function selectOffsets(container: HTMLElement, start: number, end: number): boolean {
  const locate = (pos: number, preferNext: boolean): [Node, number] | null => {
    for (const r of container.querySelectorAll<HTMLElement>('[data-s]')) {
      const s = Number(r.dataset.s)
      const len = r.textContent?.length ?? 0
      if (pos > s && pos < s + len) return [r.firstChild!, pos - s]
      if (pos === s && preferNext) return [r.firstChild!, 0]
      if (pos === s + len && !preferNext) return [r.firstChild!, len]
    }
    return null
  }
  const a = locate(start, true)
  const b = locate(end, false)
  if (!a || !b) return false
  const range = document.createRange()
  range.setStart(a[0], a[1])
  range.setEnd(b[0], b[1])
  const sel = window.getSelection()!
  sel.removeAllRanges()
  sel.addRange(range)
  return true
}
