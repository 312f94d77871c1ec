// Accepting and rejecting suggestions: one mutation each (one undo step),
// then a short message; an accept that leaves untagged places of the name
// elsewhere becomes the "N more in M documents" proposal.
import type { EntitySuggestion } from '@contract/types'
import { call } from '../api'
import { useStore } from '../store'
import { useSuggest } from './state'

export interface AcceptTarget {
  /** Tag as this entity; otherwise the entity named `name` (or an alias), else a new one. */
  entityId?: number
  name: string
  type: string
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export async function accept(documentId: number, spans: readonly EntitySuggestion[], target: AcceptTarget): Promise<void> {
  const { guard, notify } = useStore.getState()
  useSuggest.getState().setOpen(null)
  const r = await guard(() =>
    call('suggestions.accept', {
      documentId,
      spans: spans.map(({ start, end }) => ({ start, end })),
      name: target.name,
      type: target.type,
      ...(target.entityId !== undefined ? { entityId: target.entityId } : {})
    })
  )
  if (!r) return
  notify('info', `Tagged ${plural(r.created.length, 'place')} as “${r.entity.name}”${r.createdEntity ? ' (new entity)' : ''}.`)
  useSuggest.getState().setProposal(r.more.mentions > 0 ? { entityId: r.entity.id, name: r.entity.name, more: r.more } : null)
}

export async function reject(documentId: number, spans: readonly EntitySuggestion[], everywhere = false): Promise<void> {
  const { guard, notify } = useStore.getState()
  const first = spans[0]
  if (!first) return
  useSuggest.getState().setOpen(null)
  const r = await guard(() => call('suggestions.reject', { documentId, spans: spans.map(({ start, end }) => ({ start, end })), text: first.text, everywhere }))
  if (r && everywhere) notify('info', `“${first.text}” will not be suggested again (Undo takes it back).`)
}
