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
import { call } from '../api'
import { always, type CommandImpls } from '../commands'
import type { AppState } from '../store'

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

/**
 * Re-imports the open document (documents.reimport) and says what became of
 * its tags: how many moved with their words, and where the others are listed.
 */
export async function reimportOpenDocument(s: AppState): Promise<void> {
  const doc = s.doc
  if (!doc) return
  const r = await s.guard(() => call('documents.reimport', { id: doc.id }))
  if (!r) return
  const n = r.unplaced.length
  s.notify(
    'info',
    `Re-imported “${doc.title}” with its tables and lists: ${r.carried} ${r.carried === 1 ? 'tag' : 'tags'} moved with their words` +
      (n ? `; ${n} could not be placed and ${n === 1 ? 'is' : 'are'} listed under “Tags to review”.` : '.') +
      ' Undo restores the text as it was.'
  )
}

export const readerCommands: CommandImpls<'tag.selection' | 'claims.new' | 'reader.find' | 'document.reimport'> = {
  'document.reimport': {
    enabled: (s) => !s.dialog && !!s.doc?.structureOutdated,
    perform: (s) => reimportOpenDocument(s),
    whyDisabled: (s) =>
      s.doc ? 'This document already has its tables and lists (or has none to keep).' : 'Open a document in the reader first.'
  },
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
