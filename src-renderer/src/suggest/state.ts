// The suggestion feature's own state: the open document's suggestions, the
// suggestion whose popover is open, and the "N more in M documents"
// proposal after an accept. A small store of its own (not a slice of the
// app store): nothing else reads it, and the app's change table stays
// untouched. It re-reads when the document changes or a change that can
// move suggestions lands (tags, entities, aliases, rejections, undo/redo:
// the app store's revisions).
//
// Trade-off: a document's list is computed in main's worker on first open
// (tens of ms for an article, ~1 s per MB, plus ~0.5 s for the model once);
// the reader shows the text at once and the dotted lines when they come.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { AcceptResult, DocumentSuggestions, EntitySuggestion } from '@contract/types'
import { call, reviewCall } from '../api'
import { useStore } from '../store'

export interface OpenSuggestion {
  suggestion: EntitySuggestion
  x: number
  y: number
}

export interface Proposal {
  entityId: number
  name: string
  more: AcceptResult['more']
}

interface SuggestState {
  data: DocumentSuggestions | null
  loading: boolean
  open: OpenSuggestion | null
  proposal: Proposal | null
  setOpen(o: OpenSuggestion | null): void
  setProposal(p: Proposal | null): void
}

export const useSuggest = create<SuggestState>()((set) => ({
  data: null,
  loading: false,
  open: null,
  proposal: null,
  setOpen: (open) => set({ open }),
  setProposal: (proposal) => set({ proposal })
}))

const EMPTY: EntitySuggestion[] = []

let seq = 0

/** Loads (and keeps fresh) the suggestions of the open document; returns them, sorted by start. */
export function useDocumentSuggestions(documentId: number | null): readonly EntitySuggestion[] {
  const revision = useStore((s) => {
    const r = s.revisions
    return `${r.mentions ?? 0}|${r.entities ?? 0}|${r.aliases ?? 0}|${r.suggestions ?? 0}|${r.history ?? 0}`
  })
  const data = useSuggest((s) => s.data)
  useEffect(() => {
    if (documentId === null) {
      useSuggest.setState({ data: null, open: null, proposal: null })
      return
    }
    const mine = ++seq
    useSuggest.setState((s) => (s.data?.documentId === documentId ? { loading: true } : { loading: true, data: null, open: null, proposal: null }))
    reviewCall('suggestions.forDocument', { documentId })
      .then((d) => {
        if (mine === seq) useSuggest.setState({ data: d, loading: false })
      })
      .catch((e: unknown) => {
        if (mine !== seq) return
        useSuggest.setState({ loading: false })
        useStore.getState().notify('error', `Suggestions could not be computed: ${e instanceof Error ? e.message : String(e)}`)
      })
  }, [documentId, revision])
  return data && data.documentId === documentId ? data.suggestions : EMPTY
}

/** Suggestions with the same words as `s` in the open document (the "accept all N" set). */
export function sameName(list: readonly EntitySuggestion[], s: EntitySuggestion): EntitySuggestion[] {
  return list.filter((x) => x.text === s.text)
}

/** The type key a suggestion is tagged with: percentages have no entity type of their own. */
export function tagType(s: EntitySuggestion): string {
  return s.type === 'Percent' ? 'Other' : s.type
}
