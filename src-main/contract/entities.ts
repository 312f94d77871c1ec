// Entities: the people, organisations, places … the analyst tags, their
// types (built-in and the project's own), aliases, merges and splits, and
// "Tag all mentions".
import { z } from 'zod'
import { id, mutation, name, none, offset, query, returns, typeKey } from './define'
import type { TextSpan } from './documents'
import type { Mention } from './mentions'

export interface Entity {
  id: number
  name: string
  type: string
  notes: string
  mentionCount: number
  createdAt: string
}

/** An entity type: a built-in (read-only, see vocabulary.ts) or one the user added to the project. */
export interface EntityTypeInfo {
  key: string
  label: string
  /** '#rrggbb' */
  color: string
  /** An emoji or a short icon name; '' for none. */
  icon: string
  builtIn: boolean
}

/** Another name of an entity ("DoD", "the Pentagon" for "Department of Defense"). */
export interface EntityAlias {
  id: number
  entityId: number
  name: string
  createdAt: string
}

/** A place where an entity's name or an alias occurs, offered by "Tag all mentions". */
export interface TagCandidate extends TextSpan {
  documentId: number
  documentTitle: string
  quote: string
  /** The entity name or alias that matched. */
  matched: string
  sentence: string
  /** Offset of the candidate inside `sentence`. */
  sentenceStart: number
  /** Already a mention of this entity (exactly this span). */
  alreadyTagged: boolean
  /** Other entities tagged on exactly this span. */
  otherEntityIds: number[]
}

export interface TagAllResult {
  created: Mention[]
  /** Spans skipped because they were already tagged with the entity. */
  skipped: number
}

/** What a merge moved, kept so the merge can be split again exactly. */
export interface MergeRecord {
  id: number
  keptId: number
  mergedId: number
  mergedName: string
  mergedType: string
  createdAt: string
  /** Set once split (a split merge cannot be split twice). */
  splitAt: string | null
  moved: { mentions: number; aliases: number; claims: number; attributions: number; relations: number }
}

export interface MergeResult {
  entity: Entity
  merge: MergeRecord
}

export interface SplitResult {
  kept: Entity
  restored: Entity
}

/** What deleting an entity takes with it. */
export interface DeletePreview {
  entity: Entity
  mentions: number
  /** Documents those mentions are in. */
  documents: number
  relations: number
  /** Claims whose subject or object is the entity. */
  claims: number
  /** Places the entity is a source in other claims' attribution (those claims stay). */
  attributions: number
  aliases: number
}

const colour = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
const icon = z.string().trim().max(40)
const span = z
  .object({ documentId: id, start: offset, end: offset })
  .strict()
  .refine((a) => a.end > a.start, 'end must be after start')

export const entitiesContract = {
  'entities.list': query({ args: none, result: returns<Entity[]>() }),
  'entities.create': mutation({ args: z.object({ name, type: typeKey }).strict(), result: returns<Entity>(), changes: ['entities'] }),
  'entities.update': mutation({
    args: z.object({ id, name: name.optional(), type: typeKey.optional(), notes: z.string().max(100_000).optional() }).strict(),
    result: returns<Entity>(),
    // A renamed entity is a claim's subject or object, and a mention's label.
    changes: ['entities', 'claims', 'mentions']
  }),
  'entities.delete': mutation({
    args: z.object({ id }).strict(),
    result: returns<{ deleted: number }>(),
    changes: ['entities', 'mentions', 'documents', 'aliases', 'claims', 'merges']
  }),
  'entities.deletePreview': query({ args: z.object({ id }).strict(), result: returns<DeletePreview>() }),

  'entityTypes.list': query({ args: none, result: returns<EntityTypeInfo[]>() }),
  'entityTypes.create': mutation({
    args: z
      .object({ label: z.string().trim().min(1, 'a label is required').max(60), key: typeKey.optional(), color: colour, icon: icon.optional() })
      .strict(),
    result: returns<EntityTypeInfo>(),
    changes: ['entityTypes']
  }),
  'entityTypes.update': mutation({
    args: z.object({ key: typeKey, label: z.string().trim().min(1).max(60).optional(), color: colour.optional(), icon: icon.optional() }).strict(),
    result: returns<EntityTypeInfo>(),
    changes: ['entityTypes']
  }),

  'aliases.list': query({ args: z.object({ entityId: id.optional() }).strict(), result: returns<EntityAlias[]>() }),
  'aliases.add': mutation({ args: z.object({ entityId: id, name }).strict(), result: returns<EntityAlias>(), changes: ['aliases'] }),
  'aliases.remove': mutation({ args: z.object({ id }).strict(), result: returns<{ deleted: number }>(), changes: ['aliases'] }),

  'entities.merge': mutation({
    args: z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((a) => a.keepId !== a.mergeId, { message: 'an entity cannot be merged into itself', path: ['mergeId'] }),
    result: returns<MergeResult>(),
    changes: ['entities', 'mentions', 'documents', 'aliases', 'claims', 'merges']
  }),
  'entities.merges': query({ args: z.object({ entityId: id }).strict(), result: returns<MergeRecord[]>() }),
  'entities.split': mutation({
    args: z.object({ mergeId: id }).strict(),
    result: returns<SplitResult>(),
    changes: ['entities', 'mentions', 'documents', 'aliases', 'claims', 'merges']
  }),
  'entities.tagAllCandidates': query({ args: z.object({ entityId: id, documentId: id.optional() }).strict(), result: returns<TagCandidate[]>() }),
  'entities.tagAllConfirm': mutation({
    args: z.object({ entityId: id, spans: z.array(span).min(1, 'choose at least one place').max(20_000) }).strict(),
    result: returns<TagAllResult>(),
    changes: ['mentions', 'entities', 'documents']
  }),
}
