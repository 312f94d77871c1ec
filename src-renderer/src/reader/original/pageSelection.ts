// A DOM selection over the pages' text layers, as canonical offsets: each
// end of the selection is found as (page, item, unit) in the text layer's
// spans (data-page on the layer, data-i on the span), then mapped through
// that page's text map. A selection whose characters include unmapped ones
// is refused with what they are, never widened or narrowed by a guess.
import { mapSelection, type SelectionMapping } from './textMap'
import type { PageText } from './PdfPage'

interface Point {
  page: number
  item: number
  unit: number
}

function layerOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement
  return el?.closest<HTMLElement>('.textLayer[data-page]') ?? null
}

/** The item position of a DOM boundary point: a start rounds forward to the next item, an end back to the previous. */
function pointOf(node: Node, offset: number, isEnd: boolean): Point | null {
  const layer = layerOf(node)
  if (!layer) return null
  const page = Number(layer.dataset.page)
  let span: HTMLElement | null = null
  let unit = 0
  if (node.nodeType === Node.TEXT_NODE) {
    span = node.parentElement?.closest<HTMLElement>('span[data-i]') ?? null
    unit = offset
  } else {
    const el = node as HTMLElement
    if (el.matches('span[data-i]')) {
      span = el
      unit = offset === 0 ? 0 : (el.textContent ?? '').length
    } else {
      // A boundary between children of the layer: the span after it (a start) or before it (an end).
      const kids = [...el.childNodes]
      const pick = isEnd ? kids.slice(0, offset).reverse() : kids.slice(offset)
      span = (pick.find((k) => k instanceof HTMLElement && k.matches('span[data-i]')) as HTMLElement | undefined) ?? null
      unit = span && isEnd ? (span.textContent ?? '').length : 0
    }
  }
  if (!span) return null
  return { page, item: Number(span.dataset.i), unit }
}

/** The page count of a layer's items, to select "to the end of the page". */
const lastPoint = (t: PageText): [number, number] => {
  const i = t.items.length - 1
  return [Math.max(0, i), i >= 0 ? t.items[i]!.length : 0]
}

/**
 * The canonical span of the window's selection over the original view's
 * pages. Null when there is no selection there; not ok when it cannot be
 * mapped (a page not drawn yet, or unmapped characters).
 */
export function selectionToSpan(root: HTMLElement, pages: ReadonlyMap<number, PageText>): (SelectionMapping & { rect?: DOMRect }) | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const a = pointOf(range.startContainer, range.startOffset, false)
  const b = pointOf(range.endContainer, range.endOffset, true)
  if (!a || !b) return null
  const ta = pages.get(a.page)
  const tb = pages.get(b.page)
  if (!ta || !tb) return { ok: false, unmapped: 0, text: '' }
  let out: SelectionMapping
  if (a.page === b.page) {
    out = mapSelection(ta.map, ta.items, [a.item, a.unit], [b.item, b.unit])
  } else {
    const head = mapSelection(ta.map, ta.items, [a.item, a.unit], lastPoint(ta))
    const tail = mapSelection(tb.map, tb.items, [0, 0], [b.item, b.unit])
    if (head && !head.ok) out = head
    else if (tail && !tail.ok) out = tail
    else if (head?.ok && tail?.ok) out = { ok: true, start: head.start, end: tail.end }
    else out = head ?? tail
  }
  return out ? { ...out, rect: range.getBoundingClientRect() } : null
}
