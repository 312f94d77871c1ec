// The reading place: where the reader's view starts, as the canonical-text
// offset of the text run at its top and the pixels scrolled past that run's
// top. Remembered a moment after scrolling pauses (one settings write per
// pause, not per frame: a quit within that moment reopens a little higher up,
// never in another place), and restored when the app reopens the document.
//
// Trade-offs: an offset, not a scroll position, so a different window width
// (other line breaks, other chunk heights in the virtualised reader) still
// lands on the same words; the pixel remainder is exact only at the same
// width, which is the usual case after a restart.
import { useCallback, useEffect, type RefObject } from 'react'
import { useStore } from '../store'

const PAUSE_MS = 400

/** The first run whose box reaches below the view's top: its offset and how far the view is scrolled into it. */
function placeOf(scroller: HTMLElement, text: HTMLElement): { offset: number; dy: number } {
  if (scroller.scrollTop <= 0) return { offset: 0, dy: 0 }
  const top = scroller.getBoundingClientRect().top
  for (const run of text.querySelectorAll<HTMLElement>('[data-s]')) {
    const r = run.getBoundingClientRect()
    if (r.bottom > top) return { offset: Number(run.dataset.s), dy: Math.max(0, Math.round(top - r.top)) }
  }
  return { offset: 0, dy: 0 }
}

export function useReadingPlace(scrollRef: RefObject<HTMLElement | null>, textRef: RefObject<HTMLElement | null>, documentId: number | null) {
  const rememberPlace = useStore((s) => s.rememberPlace)

  useEffect(() => {
    const sc = scrollRef.current
    if (documentId === null || !sc) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const save = () => {
      timer = null
      if (textRef.current) rememberPlace({ documentId, ...placeOf(sc, textRef.current) })
    }
    const later = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(save, PAUSE_MS)
    }
    // Opening a document is a place too (its top, or where a jump took the view).
    later()
    sc.addEventListener('scroll', later, { passive: true })
    return () => {
      sc.removeEventListener('scroll', later)
      if (timer) clearTimeout(timer)
    }
  }, [documentId, scrollRef, textRef, rememberPlace])

  /** Puts the run holding `offset` at the top of the view, scrolled `dy` pixels into it. */
  return useCallback(
    (offset: number, dy: number) => {
      const sc = scrollRef.current
      const text = textRef.current
      if (!sc || !text) return
      if (offset === 0 && dy === 0) return sc.scrollTo({ top: 0 })
      let target: HTMLElement | null = null
      for (const r of text.querySelectorAll<HTMLElement>('[data-s]')) {
        if (Number(r.dataset.s) <= offset) target = r
        else break
      }
      if (!target) return
      sc.scrollTop += target.getBoundingClientRect().top - sc.getBoundingClientRect().top + dy
    },
    [scrollRef, textRef]
  )
}
