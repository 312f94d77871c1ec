// Which view of a PDF the reader shows: its text (reflowed) or its original
// pages. One choice for the session, kept across documents: an analyst who
// checks tags against the page tends to stay there.
import { useSyncExternalStore } from 'react'
import type { DocumentSummary } from '@contract/types'

export type ReaderMode = 'text' | 'original'

let mode: ReaderMode = 'text'
const listeners = new Set<() => void>()

export function setReaderMode(m: ReaderMode): void {
  if (m === mode) return
  mode = m
  for (const l of listeners) l()
}

export function useReaderMode(): ReaderMode {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => mode
  )
}

export const hasOriginalView = (doc: Pick<DocumentSummary, 'mediaType'> | null): boolean => doc?.mediaType === 'application/pdf'
