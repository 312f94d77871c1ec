// Long lists drawn in a window: only the rows near the visible part of a
// scrolling list are in the DOM. A library of 10,000 documents drawn whole
// was 40,000 elements and about 175 MB of the renderer's memory, and took
// seconds to show.
//
// Trade-offs: rows differ in height (a title wraps to two lines), so the
// space above and below the window is the row count times the average
// height of the first rows drawn; the scroll bar is then approximate on a
// long list, and rows are never measured one by one.
// Below `threshold` rows every row is drawn, as before (a typical project,
// and every test that looks a row up by its text). A row outside the window
// is not in the DOM: `reveal` scrolls it in first, for keyboard moves that
// land on it (useRovingList).
import { useCallback, useLayoutEffect, useRef, useState } from 'react'

export interface ListWindow {
  /** Whether the list is windowed at all (more rows than the threshold). */
  active: boolean
  /** The rows drawn: [first, last). */
  first: number
  last: number
  /** Spread on the scrolling list element. */
  listProps: { ref: (el: HTMLElement | null) => void; onScroll: () => void }
  /** Heights of the space above and below the rows drawn (drawn as spacer elements: padding would keep a flex list from shrinking to its box). */
  above: number
  below: number
  /** Scrolls row `index` into the window (it is drawn at the next render). */
  reveal(index: number): void
}

export function useWindow(count: number, { threshold = 300, estimate = 52, overscan = 15 } = {}): ListWindow {
  const el = useRef<HTMLElement | null>(null)
  const [view, setView] = useState({ top: 0, height: 900 })
  const [avg, setAvg] = useState(estimate)
  // The row last revealed stays drawn while the view is near it: the browser
  // clamps a scroll near the end to what the drawn rows' real heights allow,
  // and the window computed from the clamped place could drop the very row
  // the keyboard just moved to (it lost the focus).
  const [pin, setPin] = useState(-1)
  const active = count > threshold
  let first = active ? Math.max(0, Math.min(count, Math.floor(view.top / avg) - overscan)) : 0
  let last = active ? Math.max(first, Math.min(count, Math.ceil((view.top + view.height) / avg) + overscan)) : count
  if (active && pin >= 0 && pin < count && pin >= first - 3 * overscan && pin < last + 3 * overscan) {
    first = Math.min(first, Math.max(0, pin - overscan))
    last = Math.max(last, Math.min(count, pin + overscan + 1))
  }

  // The average is measured once, on the first rows drawn, and then kept:
  // re-measuring as the window moves shifted the spacers under the rows in
  // view (and a row just focused could leave the window).
  const measured = useRef(false)
  useLayoutEffect(() => {
    const list = el.current
    if (!active || !list || measured.current) return
    const rows = list.querySelectorAll<HTMLElement>(':scope > [data-row]')
    if (rows.length < 5) return
    measured.current = true
    const h = (rows[rows.length - 1]!.getBoundingClientRect().bottom - rows[0]!.getBoundingClientRect().top) / rows.length
    if (h > 0 && Math.abs(h - avg) > 0.5) setAvg(h)
  })

  // Only a change of place or size renders again.
  const look = useCallback((list: HTMLElement) => {
    const top = list.scrollTop
    const height = list.clientHeight || 900
    setView((v) => (v.top === top && v.height === height ? v : { top, height }))
  }, [])

  const onScroll = useCallback(() => {
    if (el.current) look(el.current)
  }, [look])

  const ref = useCallback(
    (node: HTMLElement | null) => {
      el.current = node
      if (node) look(node)
    },
    [look]
  )

  const reveal = useCallback(
    (index: number) => {
      const list = el.current
      if (!list || !active) return
      setPin(index)
      const top = index * avg
      if (top < list.scrollTop || top + avg > list.scrollTop + list.clientHeight) list.scrollTop = Math.max(0, top - list.clientHeight / 2)
      look(list)
    },
    [active, avg, look]
  )

  return {
    active,
    first,
    last,
    listProps: { ref, onScroll },
    above: first * avg,
    below: (count - last) * avg,
    reveal
  }
}
