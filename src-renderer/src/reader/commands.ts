// The reader's commands: tag the selected words (T), make a claim of the
// selected passage (C), find in the document.
//
// Tagging and claiming need the mounted reader (its text element and the
// popover it draws), so the Reader registers a handle while it is mounted
// and the commands call it directly — instead of the window events this
// replaces. Why a handle rather than a store field the reader reacts to: the
// answer must be synchronous — a T with no words selected is just a letter,
// so the key handler has to ask "is there a selection?" before it swallows
// the key — and a call shows in a stack trace who asked, an event does not.
// Only one reader is ever mounted; the latest registration wins.
import { useEffect } from 'react'
import { always, type CommandImpls } from '../commands'

export interface ReaderHandle {
  /** Whether words of the document are selected now. */
  hasSelection(): boolean
  /** Opens the tag popover on the selection. */
  tagSelection(): void
  /** Opens the claim form on the selection. */
  claimSelection(): void
}

let mounted: ReaderHandle | null = null

/** Called by the Reader: its handle serves the commands while it is mounted. */
export function useReaderCommands(handle: ReaderHandle): void {
  useEffect(() => {
    mounted = handle
    return () => {
      if (mounted === handle) mounted = null
    }
  }, [handle])
}

const hasSelection = (): boolean => mounted?.hasSelection() ?? false

export const readerCommands: CommandImpls<'tag.selection' | 'claims.new' | 'reader.find'> = {
  'tag.selection': {
    enabled: (s) => !s.dialog && hasSelection(),
    perform: () => mounted?.tagSelection(),
    whyDisabled: () => 'Select words in the reader first, then choose Tag Selection (or press T).'
  },
  'claims.new': {
    enabled: (s) => !s.dialog && hasSelection(),
    perform: () => mounted?.claimSelection(),
    whyDisabled: (s) =>
      s.view === 'reader'
        ? 'Select the passage the claim rests on first, then choose New Claim (or press C).'
        : 'Select a passage in the reader first, then press C (or use New analyst judgement… in the Claims view).'
  },
  'reader.find': {
    enabled: always,
    perform: (s) => {
      s.setView('reader')
      s.setFindOpen(true)
    }
  }
}
