// Mentions: a tag of an entity on an exact span of a document, anchored by
// offsets plus the quoted words around them, and the review of anchors that
// no longer match their text.
import { z } from 'zod'
import { id, mutation, name, offset, query, returns, typeKey } from './define'
import type { TextSpan } from './documents'

export interface Mention extends TextSpan {
  id: number
  entityId: number
  documentId: number
  quote: string
  prefix: string
  suffix: string
  createdAt: string
}

/** A mention with what the entities pane shows: its sentence and document. */
export interface MentionInContext extends Mention {
  documentTitle: string
  sentence: string
  /** Offset of the mention inside `sentence`. */
  sentenceStart: number
  /** The PDF page the mention is on; null for formats without pages. */
  page: number | null
}

/** A stored anchor that no longer matches its document's text: listed for review, never moved. */
export interface AnchorIssue {
  kind: 'mention' | 'claim'
  /** The mention's or the claim's id. */
  id: number
  documentId: number
  documentTitle: string
  /** The mention's entity or the claim's subject. */
  entityId: number
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  /** The text now at [start, end) ('' when out of range). */
  found: string
  problem: 'out-of-range' | 'quote-mismatch' | 'context-mismatch'
  /** Where the exact quote does occur in the text (first 10 starts), to help the reviewer. */
  quoteFoundAt: number[]
}

export const mentionsContract = {
  'mentions.forDocument': query({ args: z.object({ documentId: id }).strict(), result: returns<Mention[]>() }),
  'entities.mentions': query({ args: z.object({ entityId: id }).strict(), result: returns<MentionInContext[]>() }),
  'mentions.create': mutation({
    args: z
      .object({
        documentId: id,
        entityId: id.optional(),
        /** Tag as a new entity: created in the same action, so one undo removes both. */
        newEntity: z.object({ name, type: typeKey }).strict().optional(),
        start: offset,
        end: offset
      })
      .strict()
      .refine((a) => a.end > a.start, 'end must be after start')
      .refine((a) => (a.entityId === undefined) !== (a.newEntity === undefined), { message: 'give either entityId or newEntity', path: ['entityId'] }),
    result: returns<Mention>(),
    // Counts per entity and per document change with every tag.
    changes: ['mentions', 'entities', 'documents']
  }),
  'mentions.delete': mutation({ args: z.object({ id }).strict(), result: returns<{ deleted: number }>(), changes: ['mentions', 'entities', 'documents'] }),
  'anchors.review': query({ args: z.object({ documentId: id.optional() }).strict(), result: returns<AnchorIssue[]>() })
}
