// Clicks and keys on the suggestions drawn in the reader's text, handled by
// delegation on the text element (one listener, however many suggestions):
// a click, or Enter with the reader's caret in the words, opens the popover;
// A accepts as proposed, X rejects. The reader only draws the words
// (data-sg="start:end"); this hook knows what they mean.
//
// Trade-off: suggestions are not Tab stops of their own. A focusable span
// takes the focus on a mouse press, and the re-render that follows moved the
// anchor of a drag that began on it to the block's start (tagging then took
// the whole line). The caret (reader/useCaret) is already the keyboard's way
// through the text, and the review list reaches every suggestion by keys, so
// the caret is what "a focused suggestion" means here; a polite live region
// says when the caret is in one and which keys act on it.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { EntitySuggestion } from '@contract/types'
import { accept, reject } from './actions'
import { tagType, useSuggest } from './state'
import { textOffset } from '../reader'

function suggestionOf(el: HTMLElement | null, list: readonly EntitySuggestion[]): { el: HTMLElement; s: EntitySuggestion } | null {
  const run = el?.closest<HTMLElement>('[data-sg]')
  if (!run) return null
  const [a, b] = run.dataset.sg!.split(':').map(Number)
  const s = list.find((x) => x.start === a && x.end === b)
  return s ? { el: run, s } : null
}

/** The suggestion under the reader's collapsed caret: the canonical offset is the run's start plus the caret's offset in it. */
function suggestionAtCaret(root: HTMLElement, list: readonly EntitySuggestion[]): { el: HTMLElement; s: EntitySuggestion } | null {
  const sel = window.getSelection()
  if (!sel || !sel.isCollapsed) return null
  const at = textOffset(root, sel.focusNode, sel.focusOffset)
  if (at === null) return null
  // Inside the words first; right after them (the caret just past the last letter) still counts.
  const s = list.find((x) => x.start <= at && at < x.end) ?? list.find((x) => x.end === at)
  const el = s ? root.querySelector<HTMLElement>(`[data-sg="${s.start}:${s.end}"]`) : null
  return s && el ? { el, s } : null
}

/** The spoken line for a suggestion under the caret. */
function describe(el: HTMLElement, s: EntitySuggestion): string {
  const kind = el.title.replace(/^Suggestion: /, '')
  return `Suggestion: ${s.text}${kind ? `, ${kind}` : ''}. Enter to review, A to accept, X to reject.`
}

export function useSuggestionEvents(
  textRef: RefObject<HTMLElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  documentId: number | null,
  list: readonly EntitySuggestion[]
): { focusSuggestion(s: EntitySuggestion): void; announcement: string } {
  const setOpen = useSuggest((s) => s.setOpen)
  const [announcement, setAnnouncement] = useState('')

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

  /** Puts the reader's caret at a suggestion's first letter and gives the text the focus (so Enter, A and X act on it). */
  const placeCaret = useCallback(
    (s: EntitySuggestion) => {
      const root = textRef.current
      const run = root?.querySelector<HTMLElement>(`[data-sg="${s.start}:${s.end}"]`)
      const node = run?.firstChild
      if (!root || !run || !(node instanceof Text)) return
      run.scrollIntoView({ block: 'nearest' })
      window.getSelection()?.collapse(node, 0)
      if (document.activeElement !== root) root.focus({ preventScroll: true })
    },
    [textRef]
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
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.target !== root) return
      const hit = suggestionAtCaret(root, list)
      if (!hit) return
      const { s } = hit
      // The words go away once decided: the caret moves on to the next suggestion.
      const next = () => {
        const after = list.find((x) => x.start >= s.end)
        if (after) placeCaret(after)
      }
      if (e.key === 'Enter') {
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
    // Say so when the caret enters a suggestion (and nothing when it leaves one).
    const onSelection = () => {
      const hit = suggestionAtCaret(root, list)
      setAnnouncement(hit ? describe(hit.el, hit.s) : '')
    }
    document.addEventListener('selectionchange', onSelection)
    root.addEventListener('mousedown', onDown)
    root.addEventListener('click', onClick)
    root.addEventListener('keydown', onKey)
    return () => {
      root.removeEventListener('mousedown', onDown)
      root.removeEventListener('click', onClick)
      root.removeEventListener('keydown', onKey)
      document.removeEventListener('selectionchange', onSelection)
    }
  }, [textRef, documentId, list, openAt, placeCaret])

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

  return { focusSuggestion: placeCaret, announcement }
}
