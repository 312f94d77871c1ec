// Keeps the keyboard inside a dialog while it is open, and gives the focus
// back to where it was when the dialog closes: Tab from the last control
// wraps to the first, Shift+Tab from the first to the last (the WAI-ARIA
// dialog pattern). Used by every element with role="dialog" (ui/Modal, the
// reader's popovers, the map's filters).
//
// Trade-offs: a keydown handler on the dialog rather than sentinel elements
// or the `inert` attribute on the rest of the page: it needs no change to the
// page around the dialog (popovers are not modal to the mouse) and finds the
// controls at each Tab press, so controls that appear later (a type picker,
// a second row) are included. When the element that had the focus is gone
// by the time the dialog closes (a menu item of a closed menu), the focus is
// left where the browser puts it.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

/** The dialog's controls a Tab press can reach, in order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden && el.tabIndex >= 0 && el.getClientRects().length > 0)
}

/** Call from the dialog's onKeyDown: wraps Tab at the ends. */
export function trapTab(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null): void {
  if (e.key !== 'Tab' || !root || e.defaultPrevented) return
  const all = tabbables(root)
  if (all.length === 0) {
    e.preventDefault()
    return
  }
  const first = all[0]!
  const last = all[all.length - 1]!
  const at = document.activeElement
  if (e.shiftKey && (at === first || !root.contains(at))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && (at === last || !root.contains(at))) {
    e.preventDefault()
    first.focus()
  }
}

/**
 * Remembers the focused element when the dialog opens and focuses it again
 * when the dialog closes; `returnFocus: false` when the dialog's owner puts
 * the focus somewhere itself.
 */
export function useFocusReturn(returnFocus = true): RefObject<HTMLElement | null> {
  const prev = useRef<HTMLElement | null>(null)
  useEffect(() => {
    prev.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    return () => {
      const el = prev.current
      if (returnFocus && el?.isConnected) el.focus({ preventScroll: true })
    }
  }, [returnFocus])
  return prev
}
