// Clicks and keys on the suggestions drawn in the reader's text, handled by
// delegation on the text element (one listener, however many suggestions):
// a click or Enter opens the popover; A accepts as proposed, X rejects.
// The reader only draws the words (data-sg="start:end", focusable); this
// hook knows what they mean.
import { useCallback, useEffect, type RefObject } from 'react'
import type { EntitySuggestion } from '@contract/types'
import { accept, reject } from './actions'
import { tagType, useSuggest } from './state'

function suggestionOf(el: HTMLElement | null, list: readonly EntitySuggestion[]): { el: HTMLElement; s: EntitySuggestion } | null {
  const run = el?.closest<HTMLElement>('[data-sg]')
  if (!run) return null
  const [a, b] = run.dataset.sg!.split(':').map(Number)
  const s = list.find((x) => x.start === a && x.end === b)
  return s ? { el: run, s } : null
}

export function useSuggestionEvents(
  textRef: RefObject<HTMLElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  documentId: number | null,
  list: readonly EntitySuggestion[]
): { focusSuggestion(s: EntitySuggestion): void } {
  const setOpen = useSuggest((s) => s.setOpen)

  const openAt = useCallback(
    (el: HTMLElement, s: EntitySuggestion) => {
      const scroller = scrollRef.current
      if (!scroller) return
      const box = scroller.getBoundingClientRect()
      const r = el.getBoundingClientRect()
      setOpen({ suggestion: s, x: Math.max(8, Math.min(r.left - box.left + scroller.scrollLeft, box.width - 340)), y: r.bottom - box.top + scroller.scrollTop + 8 })
    },
    [scrollRef, setOpen]
  )

  useEffect(() => {
    const root = textRef.current
    if (!root || documentId === null) return
    // Where the press began: a click that ends a drag selected words (for tagging), it did not pick the suggestion.
    let down: { x: number; y: number } | null = null
    const onDown = (e: MouseEvent) => void (down = { x: e.clientX, y: e.clientY })
    const onClick = (e: MouseEvent) => {
      const hit = suggestionOf(e.target as HTMLElement, list)
      if (!hit) return
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 3) return
      // Words selected across a suggestion are for tagging, not for the suggestion.
      const sel = window.getSelection()
      if (sel && !sel.isCollapsed) return
      openAt(hit.el, hit.s)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const hit = suggestionOf(e.target as HTMLElement, list)
      if (!hit || hit.el !== e.target) return
      const { s } = hit
      // The words go away once decided: the focus moves on to the next suggestion.
      const next = () => {
        const after = list.find((x) => x.start >= s.end)
        if (after) root.querySelector<HTMLElement>(`[data-sg="${after.start}:${after.end}"]`)?.focus()
      }
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        openAt(hit.el, s)
      } else if (e.key === 'a' || e.key === 'A') {
        e.preventDefault()
        e.stopPropagation()
        next()
        void accept(documentId, [s], { ...(s.entityId !== undefined ? { entityId: s.entityId } : {}), name: s.text, type: tagType(s) })
      } else if (e.key === 'x' || e.key === 'X') {
        e.preventDefault()
        e.stopPropagation()
        next()
        void reject(documentId, [s])
      }
    }
    root.addEventListener('mousedown', onDown)
    root.addEventListener('click', onClick)
    root.addEventListener('keydown', onKey)
    return () => {
      root.removeEventListener('mousedown', onDown)
      root.removeEventListener('click', onClick)
      root.removeEventListener('keydown', onKey)
    }
  }, [textRef, documentId, list, openAt])

  // A press anywhere but the popover or a suggestion closes the popover.
  const isOpen = useSuggest((s) => s.open !== null)
  useEffect(() => {
    if (!isOpen) return
    const onDown = (e: MouseEvent) => {
      const t = e.target as HTMLElement
      if (!t.closest('.suggestion-popover') && !t.closest('[data-sg]')) setOpen(null)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [isOpen, setOpen])

  const focusSuggestion = useCallback(
    (s: EntitySuggestion) => {
      textRef.current?.querySelector<HTMLElement>(`[data-sg="${s.start}:${s.end}"]`)?.focus()
    },
    [textRef]
  )
  return { focusSuggestion }
}
