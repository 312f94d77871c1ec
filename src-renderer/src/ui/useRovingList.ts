// A list box that is one Tab stop: the "roving tabindex" pattern of the
// WAI-ARIA Authoring Practices. Only the current item has tabIndex 0; arrow
// keys, Home/End and PageUp/PageDown move the focus between items; Tab leaves
// the list. Before, each of 27 documents was its own Tab stop.
//
// Trade-off: roving tabindex rather than aria-activedescendant, because the
// items are real focusable elements (screen readers and the focus ring follow
// the DOM focus without extra wiring, and scrollIntoView comes free with
// focus()). The current item is remembered by key, so a list that re-sorts
// or refreshes keeps the user's place.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react'

const PAGE = 10

export interface RovingList<K> {
  /** The item that holds the list's Tab stop. */
  stop: K | null
  /** Spread on each item: its tabIndex, and a ref-free way to find it again. */
  itemProps(key: K): { tabIndex: 0 | -1; 'data-roving': string; onFocus: () => void }
  /** Spread on the list element. */
  listProps: { onKeyDown: (e: KeyboardEvent<HTMLElement>) => void; ref: (el: HTMLElement | null) => void }
}

/**
 * `reveal`: for a list drawn in a window (useWindow), brings the item at an
 * index into the DOM; the focus then moves to it once it is drawn.
 */
export function useRovingList<K extends string | number>(keys: readonly K[], preferred?: K | null, reveal?: (index: number) => void): RovingList<K> {
  const [current, setCurrent] = useState<K | null>(null)
  const listRef = useRef<HTMLElement | null>(null)
  // The item that holds the Tab stop: the one last focused if it is still there, else the preferred (e.g. the open document), else the first.
  const stop = current !== null && keys.includes(current) ? current : preferred !== undefined && preferred !== null && keys.includes(preferred) ? preferred : (keys[0] ?? null)

  const setList = useCallback((el: HTMLElement | null) => {
    listRef.current = el
  }, [])

  const focusAt = useCallback(
    (index: number) => {
      const at = Math.max(0, Math.min(keys.length - 1, index))
      const key = keys[at]
      if (key === undefined) return
      setCurrent(key)
      const find = () => listRef.current?.querySelector<HTMLElement>(`[data-roving="${CSS.escape(String(key))}"]`)
      const item = find()
      if (item || !reveal) return item?.focus()
      reveal(at)
      // Drawn at a coming render (the window may settle over a frame or two): focus it once it is there.
      let frames = 0
      const later = () => {
        const drawn = find()
        if (drawn) drawn.focus()
        else if (++frames < 20) requestAnimationFrame(later)
      }
      requestAnimationFrame(later)
    },
    [keys, reveal]
  )

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const at = stop === null ? -1 : keys.indexOf(stop)
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: keys.length - 1, PageDown: at + PAGE, PageUp: at - PAGE }[e.key]
      if (to === undefined || !(e.target as HTMLElement).closest('[data-roving]')) return
      e.preventDefault()
      focusAt(to)
    },
    [keys, stop, focusAt]
  )

  return {
    stop,
    itemProps: (key) => ({ tabIndex: key === stop ? 0 : -1, 'data-roving': String(key), onFocus: () => setCurrent(key) }),
    listProps: {
      onKeyDown,
      ref: setList
    }
  }
}
