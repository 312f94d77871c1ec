// Keeps the map's toolbar on one row: the controls that do not fit move into
// its "More" panel, the least important first (each control's priority), and
// come back when the row widens. Every control stays reachable and labelled;
// the row never wraps.
//
// How: each movable control is a direct child of the row marked
// `data-tb="<id>"`; its width is measured while it sits in the row and
// remembered, so a control in the panel is placed back by the width it had
// there. Anything else in the row (the spacer aside) counts as always shown.
// A control that holds the keyboard focus is never moved (moving it would
// remount it and lose the focus and whatever was typed).
//
// Trade-off: measuring runs after every render of the toolbar (a dozen
// getBoundingClientRect calls, cheap next to a render), instead of a second,
// hidden copy of every control for measuring, which would double every
// label and id for tests and screen readers.
import { useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react'

export interface OverflowItem {
  id: string
  /** Lower stays in the row longer. */
  priority: number
}

/** A control never measured yet is assumed this wide. */
const UNKNOWN_WIDTH = 120
const MORE_WIDTH = 84

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x))
}

/** The ids of the controls that go into the "More" panel now. */
export function useToolbarOverflow(rowRef: RefObject<HTMLElement | null>, items: readonly OverflowItem[]): ReadonlySet<string> {
  const widths = useRef(new Map<string, number>())
  const moreWidth = useRef(MORE_WIDTH)
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const [, resized] = useReducer((n: number) => n + 1, 0)

  useLayoutEffect(() => {
    const row = rowRef.current
    if (!row) return
    const ro = new ResizeObserver(() => resized())
    ro.observe(row)
    return () => ro.disconnect()
  }, [rowRef])

  useLayoutEffect(() => {
    const row = rowRef.current
    if (!row || !row.clientWidth) return
    const style = getComputedStyle(row)
    const gap = parseFloat(style.columnGap) || 0
    let fixed = 0
    let focused: string | null = null
    for (const child of Array.from(row.children) as HTMLElement[]) {
      const w = child.getBoundingClientRect().width
      const id = child.dataset.tb
      if (id) {
        if (child.contains(document.activeElement)) focused = id
        else widths.current.set(id, w)
      } else if (child.dataset.tbMore !== undefined) moreWidth.current = w
      else if (!child.classList.contains('spacer')) fixed += w + gap
    }
    const avail = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - fixed
    const width = (id: string) => (widths.current.get(id) ?? UNKNOWN_WIDTH) + gap
    const all = items.reduce((sum, i) => sum + width(i.id), 0)
    const next = new Set<string>()
    if (all > avail) {
      let budget = avail - moreWidth.current - gap
      if (focused) budget -= width(focused)
      // Greedy by priority: a control that does not fit goes to the panel, a smaller, less important one may still fit.
      for (const item of [...items].sort((a, b) => a.priority - b.priority)) {
        if (item.id === focused) continue
        if (width(item.id) <= budget) budget -= width(item.id)
        else next.add(item.id)
      }
    }
    if (!sameSet(next, hidden)) setHidden(next)
  })

  return hidden
}
