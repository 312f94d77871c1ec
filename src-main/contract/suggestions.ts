// Entity suggestions: what the offline engine (core/suggest/) proposes in a
// document, for the analyst to accept or reject. A suggestion is never a
// mention: it is not counted, mapped or exported; accepting one makes the
// mention (and, if needed, the entity) as one undoable step.
import { z } from 'zod'
import { id, mutation, name, none, offset, query, returns, typeKey } from './define'
import type { ClaimObject, ClaimQualifier } from './claims'
import type { Entity } from './entities'
import type { Mention } from './mentions'

/** One suggested span. Offsets are UTF-16 code units into the document's canonical text. */
export interface EntitySuggestion {
  start: number
  end: number
  text: string
  /** An entity type key ('Person', 'Company' …), or 'Percent' for a percentage. */
  type: string
  /** 0..1: how sure the layer that proposed it is. */
  score: number
  /** The layer: the project's own names, a rule (money, dates, percentages), the language model, or a heuristic. */
  source: 'dictionary' | 'rule' | 'model' | 'heuristic'
  /** The project entity whose name or alias this is (dictionary suggestions). */
  entityId?: number
  /** Money, dates and percentages: the value a claim would take ("as high as $29 billion": up to 29000000000 USD). */
  value?: { object: ClaimObject; qualifier: ClaimQualifier }
}

export interface DocumentSuggestions {
  documentId: number
  /** Sorted by start; none overlaps a tag or another suggestion, none was rejected. */
  suggestions: EntitySuggestion[]
  /** The document's language is not English: only the project's names, money and dates are suggested. */
  limited: boolean
  lang: string | null
}

export interface AcceptResult {
  entity: Entity
  /** The entity was made by this accept (no name or alias matched). */
  createdEntity: boolean
  created: Mention[]
  /** Spans skipped: already tagged with the entity, or overlapping a tag. */
  skipped: number
  /** Untagged places of the entity's name and aliases left in the project ("12 more in 5 documents"). */
  more: { mentions: number; documents: number; inThisDocument: number }
}

/** Two entities that are probably the same, offered for merge (never merged by itself). */
export interface DuplicateCandidate {
  /** The one to keep: more mentions, then the longer name. */
  keep: Entity
  merge: Entity
  reason: 'same name' | 'alias' | 'acronym' | 'suffix'
}

const span = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((a) => a.end > a.start, 'end must be after start')

export const suggestionsContract = {
  /** Computed in the suggestion worker, or read from the project's cache when its input has not changed. */
  'suggestions.forDocument': query({ args: z.object({ documentId: id }).strict(), result: returns<DocumentSuggestions>(), runs: 'app' }),
  'suggestions.accept': mutation({
    args: z
      .object({
        documentId: id,
        /** One suggestion, or "accept all N of this name". */
        spans: z.array(span).min(1, 'choose at least one place').max(20_000),
        /** The entity to tag; else the entity whose name or an alias is `name`; else a new one named `name`, typed `type`. */
        entityId: id.optional(),
        name,
        type: typeKey
      })
      .strict(),
    result: returns<AcceptResult>(),
    changes: ['mentions', 'entities', 'documents', 'suggestions']
  }),
  'suggestions.reject': mutation({
    args: z
      .object({
        documentId: id,
        /** One suggestion, or "reject all of this name" in the document. */
        spans: z.array(span).min(1, 'choose at least one place').max(20_000),
        text: name,
        /** Never suggest this name again, in any document. */
        everywhere: z.boolean().optional()
      })
      .strict(),
    result: returns<{ rejected: number }>(),
    changes: ['suggestions']
  }),
  'suggestions.duplicates': query({ args: none, result: returns<DuplicateCandidate[]>() })
}
