// Maps a DOM selection in the reader to offsets in the canonical text. Every
// text run is a <span data-s="offset"> holding exactly one text node.
function runOf(node: Node | null): HTMLElement | null {
  const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement | null)
  return el?.closest<HTMLElement>('[data-s]') ?? null
}

function pointOffset(container: HTMLElement, node: Node, offset: number, atEnd: boolean): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node)
    return run && container.contains(run) ? Number(run.dataset.s) + offset : null
  }
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
