// Caret browsing in the reader: the article text is one Tab stop; once it has
// the focus a visible caret sits in the text, arrows move it, Shift+arrows
// select (Ctrl/Alt step by word; Up/Down by line, Ctrl+Up/Down by paragraph;
// Home/End to the line's ends, Ctrl+Home/End to the rendered text's ends), and
// the selection made is the same DOM selection the mouse makes, so T (tag) and
// C (claim) work on it unchanged (reader/commands.ts, selection.ts).
//
// Trade-offs: no contenteditable. An editable region would give a native caret
// for free, but it also accepts typing, paste, drag-and-drop and spell-check
// into the canonical text, which must never change, and it puts the browser's
// editing commands between us and every key. Instead the text container is a
// focusable role="document" and the keys drive the DOM Selection API's
// Selection.modify (Chromium supports it on non-editable text: it is what its
// own caret browsing uses), which knows about words, lines and bidi. A
// collapsed selection in non-editable text is not painted, so the caret is our
// own thin bar, placed at the selection's focus point and redrawn on
// `selectionchange`. The virtualised chunks (useVirtualChunks) keep the
// selection's chunks in the DOM; the caret is scrolled into view after each
// move, so the chunks around it are rendered before the next one.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react'
import './caret.css'

export interface CaretBox {
  left: number
  top: number
  height: number
}

type Alter = 'move' | 'extend'
type Direction = 'left' | 'right' | 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary' | 'documentboundary'

/** A key press → what Selection.modify should do, or null for keys the caret leaves alone. */
export function caretStep(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>): [Alter, Direction, Granularity] | null {
  const alter: Alter = e.shiftKey ? 'extend' : 'move'
  const big = e.ctrlKey || e.altKey || e.metaKey
  switch (e.key) {
    case 'ArrowLeft':
      return [alter, 'left', big ? 'word' : 'character']
    case 'ArrowRight':
      return [alter, 'right', big ? 'word' : 'character']
    case 'ArrowUp':
      return [alter, 'backward', big ? 'paragraph' : 'line']
    case 'ArrowDown':
      return [alter, 'forward', big ? 'paragraph' : 'line']
    case 'Home':
      return [alter, 'backward', big ? 'documentboundary' : 'lineboundary']
    case 'End':
      return [alter, 'forward', big ? 'documentboundary' : 'lineboundary']
    default:
      return null
  }
}

/** The first text run whose box shows in the scroller: where the caret starts when the text gets the focus. */
function firstVisibleRun(text: HTMLElement, scroller: HTMLElement): Text | null {
  const top = scroller.getBoundingClientRect().top
  for (const run of text.querySelectorAll<HTMLElement>('[data-s]')) {
    const node = run.firstChild
    if (node instanceof Text && node.length > 0 && run.getBoundingClientRect().bottom > top + 4) return node
  }
  return null
}

/** The on-screen box of the selection's focus point (a zero-width rect of one line's height). */
function focusRect(sel: Selection): DOMRect | null {
  if (!sel.focusNode) return null
  const r = document.createRange()
  r.setStart(sel.focusNode, sel.focusOffset)
  r.collapse(true)
  const rects = r.getClientRects()
  const box = rects[0] ?? null
  if (box && box.height > 0) return box
  // An element boundary has no box of its own: use the text beside it.
  const el = sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode.parentElement
  const run = el?.closest('[data-s]') ?? el
  const b = run?.getBoundingClientRect()
  return b && b.height > 0 ? new DOMRect(b.left, b.top, 0, Math.min(b.height, 28)) : null
}

export interface Caret {
  /** Where to draw the caret (relative to the scroller's content), or null when the text has no focus. */
  box: CaretBox | null
  /** Spread on the text container. */
  textProps: {
    tabIndex: 0
    role: 'document'
    onFocus: (e: FocusEvent<HTMLElement>) => void
    onBlur: () => void
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => void
    onMouseDown: () => void
  }
}

export function useCaret(textRef: RefObject<HTMLElement | null>, scrollRef: RefObject<HTMLElement | null>): Caret {
  const [focused, setFocused] = useState(false)
  const [box, setBox] = useState<CaretBox | null>(null)

  /** Places the caret bar at the selection's focus; scrolls it into view when asked. */
  const redraw = useCallback(
    (reveal: boolean) => {
      const text = textRef.current
      const sc = scrollRef.current
      const sel = window.getSelection()
      if (!text || !sc || !sel || !sel.focusNode || !text.contains(sel.focusNode)) return setBox(null)
      const r = focusRect(sel)
      if (!r) return setBox(null)
      const view = sc.getBoundingClientRect()
      if (reveal) {
        const margin = 40
        if (r.top < view.top + margin) sc.scrollTop -= view.top + margin - r.top
        else if (r.bottom > view.bottom - margin) sc.scrollTop += r.bottom - (view.bottom - margin)
      }
      const now = reveal ? (focusRect(sel) ?? r) : r
      setBox({ left: now.left - view.left + sc.scrollLeft, top: now.top - view.top + sc.scrollTop, height: now.height })
    },
    [textRef, scrollRef]
  )

  useEffect(() => {
    if (!focused) {
      setBox(null)
      return
    }
    const on = () => redraw(false)
    document.addEventListener('selectionchange', on)
    return () => document.removeEventListener('selectionchange', on)
  }, [focused, redraw])

  // A press in the text focuses it before the browser places the selection there: moving the
  // selection then would anchor the mouse's drag at the first visible words.
  const pressed = useRef(false)
  const onMouseDown = useCallback(() => {
    pressed.current = true
    setTimeout(() => (pressed.current = false), 0)
  }, [])

  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    setFocused(true)
    // Focus that lands on something inside the text (a suggestion) or comes with a press keeps the selection the press makes.
    if (pressed.current || e.target !== e.currentTarget) return redraw(false)
    const text = textRef.current
    const sc = scrollRef.current
    const sel = window.getSelection()
    if (!text || !sc || !sel) return
    // Keep a selection already in the text (a mouse click, or words selected before); else start at the first visible words.
    if (sel.rangeCount > 0 && sel.focusNode && text.contains(sel.focusNode)) return redraw(false)
    const node = firstVisibleRun(text, sc)
    if (node) sel.collapse(node, 0)
    redraw(false)
  }, [textRef, scrollRef, redraw])

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return
      const step = caretStep(e)
      const sel = window.getSelection()
      const text = textRef.current
      if (!step || !sel || !text) return
      e.preventDefault()
      if (!sel.focusNode || !text.contains(sel.focusNode)) {
        const node = textRef.current && scrollRef.current ? firstVisibleRun(textRef.current, scrollRef.current) : null
        if (node) sel.collapse(node, 0)
      }
      sel.modify(...step)
      redraw(true)
    },
    [textRef, scrollRef, redraw]
  )

  return {
    box: focused ? box : null,
    textProps: { tabIndex: 0, role: 'document', onFocus, onBlur: () => setFocused(false), onKeyDown, onMouseDown }
  }
}
