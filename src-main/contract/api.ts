// The one API contract between renderer and main. Every call is
// `invoke(method, args)`; main validates `args` with the schema below before
// the handler sees them, and answers with an ApiResponse envelope so a bad
// call gets a typed error instead of crashing anything.
import { z } from 'zod'
import type {
  CoMention,
  DocumentContent,
  DocumentSummary,
  Entity,
  ImportResult,
  Mention,
  MentionInContext,
  ProjectInfo,
  SaveState,
  SearchHit
} from './types'
import type { Method } from './methods'
import {
  ATTRIBUTION_ROLES,
  CLAIM_QUALIFIERS,
  CLAIM_STATUSES,
  SOURCE_RELIABILITY,
  type AnchorIssue,
  type AuditPage,
  type Claim,
  type ClaimEdge,
  type ClaimGroup,
  type ClaimObject,
  type DeletePreview,
  type EntityAlias,
  type EntityTypeInfo,
  type HistoryState,
  type HistoryStep,
  type MergeRecord,
  type MergeResult,
  type PredicateSuggestion,
  type SplitResult,
  type TagAllResult,
  type TagCandidate,
  type UserSettings
} from './types'
import { MAP_LAYOUTS, type EntityDocument, type MapDetail, type MapSummary, type PairPassage } from './types'

/** A phantom marker carrying a method's result type. */
function returns<T>(): T {
  return undefined as T
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const offset = z.number().int().nonnegative().max(1 << 30)
const name = z.string().trim().min(1, 'a name is required').max(500)
const typeKey = z.string().trim().min(1).max(60)
const none = z.object({}).strict()

export interface RecentProject {
  path: string
  name: string
  openedAt: string
}

export interface Bootstrap {
  project: ProjectInfo
  save: SaveState
  /** Set when the last project could not be opened and a fresh one was used. */
  notice: string | null
  /** The last project that could not be opened, and whether its backup can be opened (project.openBackup). */
  damaged?: { path: string; backupAvailable: boolean } | null
}

/** The data export formats (see src-main/core/export/). */
export const DATA_EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'ftm', 'w3c', 'cyjs'] as const
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number]

export interface DataExportResult {
  format: DataExportFormat
  /** Every file written (CSV writes four beside the chosen path). */
  paths: string[]
}

/** What importing a W3C Web Annotation file did. */
export interface AnnotationImportReport {
  /** Mentions created. */
  imported: number
  /** Annotations whose mention (same document, entity and span) already existed. */
  skippedDuplicates: number
  /** Annotations whose position did not match but whose quote occurs exactly once: placed there. */
  relocated: string[]
  /** Annotations not imported, with the reason. */
  unresolved: { id: string; reason: string }[]
  /** Annotations that are not mentions (claims), left out on purpose. */
  ignored: { id: string; reason: string }[]
  entitiesCreated: number
}

// --- Tagging core: claims, aliases, entity types, history, audit --------------
/** An exact decimal written as a string: money and numbers are never floats. */
const decimal = z
  .string()
  .trim()
  .regex(/^-?\d{1,30}(\.\d{1,12})?$/, 'a decimal number like 29000000000 or 13.8 (digits, optional point; no float, no separators)')
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
export const claimObjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entity'), entityId: id }).strict(),
  z
    .object({
      kind: z.literal('money'),
      amount: decimal,
      currency: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 currency code')
        .transform((c) => c.toUpperCase())
    })
    .strict(),
  z.object({ kind: z.literal('date'), date: isoDate }).strict(),
  z.object({ kind: z.literal('number'), value: decimal, unit: z.string().trim().max(60).default('') }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'a value is required').max(2000) }).strict()
])
const passageSpan = z
  .object({ documentId: id, start: offset, end: offset })
  .strict()
  .refine((a) => a.end > a.start, 'end must be after start')
const attributionList = z.array(z.object({ entityId: id, role: z.enum(ATTRIBUTION_ROLES) }).strict()).max(20)
const predicate = z.string().trim().min(1, 'a predicate is required').max(200)
const reliability = z.enum(SOURCE_RELIABILITY)
const credibility = z.number().int().min(1).max(6)
const claimStatus = z.enum(CLAIM_STATUSES)
const colour = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
const icon = z.string().trim().max(40)

// --- Relationship map (maps.*) ---------------------------------------------
const mapName = z.string().trim().min(1, 'a name is required').max(120)
const finite = z.number().finite().min(-1e9).max(1e9)
export const mapFiltersSchema = z
  .object({
    entityTypes: z.array(typeKey).max(500).nullable(),
    documentIds: z.array(id).max(100_000).nullable(),
    predicates: z.array(z.string().max(200)).max(5000).nullable(),
    minGrade: z.object({ reliability: reliability, credibility: credibility }).strict().nullable(),
    statuses: z.array(z.string().max(60)).max(20).nullable(),
    dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    hideIsolated: z.boolean(),
    focus: z.object({ entityId: id, hops: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strict().nullable()
  })
  .strict()
export const mapSettingsSchema = z
  .object({
    layout: z.enum(MAP_LAYOUTS),
    sizeBy: z.enum(['mentions', 'degree']),
    showLinks: z.boolean(),
    showClaims: z.boolean(),
    showCoMentions: z.boolean()
  })
  .strict()
const mapPositionSchema = z.object({ entityId: id, x: finite, y: finite, pinned: z.boolean() }).strict()

export const contract = {
  'app.bootstrap': { args: none, result: returns<Bootstrap>() },
  'project.info': { args: none, result: returns<ProjectInfo>() },
  'project.new': { args: none, result: returns<ProjectInfo | null>() },
  'project.open': { args: none, result: returns<ProjectInfo | null>() },
  'project.openRecent': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: returns<ProjectInfo>()
  },
  /** Opens a copy of `<path>.bak` (the last good save of a damaged project) saved beside it as a new file. */
  'project.openBackup': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: returns<ProjectInfo>()
  },
  'project.saveAs': { args: none, result: returns<ProjectInfo | null>() },
  'project.recent': { args: none, result: returns<RecentProject[]>() },
  'project.saveState': { args: none, result: returns<SaveState>() },
  'project.flush': { args: none, result: returns<SaveState>() },

  'documents.list': { args: none, result: returns<DocumentSummary[]>() },
  'documents.get': { args: z.object({ id }).strict(), result: returns<DocumentContent>() },
  'documents.openFiles': { args: none, result: returns<ImportResult[]>() },
  'documents.importFolder': { args: none, result: returns<ImportResult[]>() },
  'documents.importDropped': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(5000) }).strict(),
    result: returns<ImportResult[]>()
  },
  'documents.updateMeta': {
    args: z
      .object({
        id,
        title: z.string().trim().min(1, 'a title is required').max(1000).optional(),
        byline: z.string().trim().max(1000).nullable().optional(),
        siteName: z.string().trim().max(1000).nullable().optional(),
        publishedTime: z.string().trim().max(100).nullable().optional()
      })
      .strict(),
    result: returns<DocumentSummary>()
  },
  'import.cancel': { args: none, result: returns<{ cancelled: boolean }>() },

  'entities.list': { args: none, result: returns<Entity[]>() },
  'entities.create': {
    args: z.object({ name, type: typeKey }).strict(),
    result: returns<Entity>()
  },
  'entities.update': {
    args: z
      .object({ id, name: name.optional(), type: typeKey.optional(), notes: z.string().max(100_000).optional() })
      .strict(),
    result: returns<Entity>()
  },
  'entities.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },
  'entities.mentions': {
    args: z.object({ entityId: id }).strict(),
    result: returns<MentionInContext[]>()
  },

  'mentions.forDocument': {
    args: z.object({ documentId: id }).strict(),
    result: returns<Mention[]>()
  },
  'mentions.create': {
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
    result: returns<Mention>()
  },
  'mentions.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },

  'graph.coMentions': { args: none, result: returns<CoMention[]>() },

  // Full-text search; the query is the user's own text (any text is safe, see core/db/repos/search.ts).
  'search.query': {
    args: z
      .object({ query: z.string().min(1, 'a query is required').max(500), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: returns<SearchHit[]>()
  },

  'export.data': {
    args: z.object({ format: z.enum(DATA_EXPORT_FORMATS) }).strict(),
    result: returns<DataExportResult | null>()
  },
  'annotations.import': { args: none, result: returns<(AnnotationImportReport & { path: string }) | null>() },

  // --- Tagging core (see src-main/core/tagging/README.md) ---
  'entityTypes.list': { args: none, result: returns<EntityTypeInfo[]>() },
  'entityTypes.create': {
    args: z
      .object({ label: z.string().trim().min(1, 'a label is required').max(60), key: typeKey.optional(), color: colour, icon: icon.optional() })
      .strict(),
    result: returns<EntityTypeInfo>()
  },
  'entityTypes.update': {
    args: z.object({ key: typeKey, label: z.string().trim().min(1).max(60).optional(), color: colour.optional(), icon: icon.optional() }).strict(),
    result: returns<EntityTypeInfo>()
  },

  'aliases.list': { args: z.object({ entityId: id.optional() }).strict(), result: returns<EntityAlias[]>() },
  'aliases.add': { args: z.object({ entityId: id, name }).strict(), result: returns<EntityAlias>() },
  'aliases.remove': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },

  'entities.merge': {
    args: z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((a) => a.keepId !== a.mergeId, { message: 'an entity cannot be merged into itself', path: ['mergeId'] }),
    result: returns<MergeResult>()
  },
  'entities.merges': { args: z.object({ entityId: id }).strict(), result: returns<MergeRecord[]>() },
  'entities.split': { args: z.object({ mergeId: id }).strict(), result: returns<SplitResult>() },
  'entities.deletePreview': { args: z.object({ id }).strict(), result: returns<DeletePreview>() },
  'entities.tagAllCandidates': {
    args: z.object({ entityId: id, documentId: id.optional() }).strict(),
    result: returns<TagCandidate[]>()
  },
  'entities.tagAllConfirm': {
    args: z
      .object({
        entityId: id,
        spans: z
          .array(
            z
              .object({ documentId: id, start: offset, end: offset })
              .strict()
              .refine((a) => a.end > a.start, 'end must be after start')
          )
          .min(1, 'choose at least one place')
          .max(20_000)
      })
      .strict(),
    result: returns<TagAllResult>()
  },

  'claims.create': {
    args: z
      .object({
        subjectId: id,
        predicate,
        object: claimObjectSchema,
        qualifier: z.enum(CLAIM_QUALIFIERS).optional(),
        passage: passageSpan.nullable().optional(),
        analystJudgement: z.boolean().optional(),
        attribution: attributionList.optional(),
        reliability: reliability.optional(),
        credibility: credibility.optional(),
        status: claimStatus.optional(),
        notes: z.string().max(100_000).optional()
      })
      .strict()
      .refine((a) => a.passage != null || a.analystJudgement === true, {
        message: 'a claim needs a quoted passage, or must be marked as an analyst judgement',
        path: ['passage']
      }),
    result: returns<Claim>()
  },
  'claims.update': {
    args: z
      .object({
        id,
        subjectId: id.optional(),
        predicate: predicate.optional(),
        object: claimObjectSchema.optional(),
        qualifier: z.enum(CLAIM_QUALIFIERS).optional(),
        passage: passageSpan.nullable().optional(),
        analystJudgement: z.boolean().optional(),
        attribution: attributionList.optional(),
        reliability: reliability.optional(),
        credibility: credibility.optional(),
        status: claimStatus.optional(),
        notes: z.string().max(100_000).optional()
      })
      .strict(),
    result: returns<Claim>()
  },
  'claims.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },
  'claims.get': { args: z.object({ id }).strict(), result: returns<Claim>() },
  'claims.list': {
    args: z
      .object({
        entityId: id.optional(),
        /** Where `entityId` must appear; default any (subject, object or attribution). */
        entityRole: z.enum(['subject', 'object', 'source', 'any']).optional(),
        predicate: predicate.optional(),
        reliability: z.array(reliability).max(6).optional(),
        credibility: z.array(credibility).max(6).optional(),
        status: z.array(claimStatus).max(4).optional(),
        documentId: id.optional(),
        analystJudgement: z.boolean().optional(),
        sort: z.enum(['created', 'updated', 'subject', 'predicate', 'grade', 'status', 'document']).optional(),
        order: z.enum(['asc', 'desc']).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
        offset: z.number().int().min(0).optional()
      })
      .strict(),
    result: returns<Claim[]>()
  },
  'claims.groups': {
    args: z.object({ entityId: id.optional(), conflictsOnly: z.boolean().optional() }).strict(),
    result: returns<ClaimGroup[]>()
  },
  'claims.predicates': {
    args: z.object({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    result: returns<PredicateSuggestion[]>()
  },
  /** Reads a value as typed or selected ("$29 billion", "€1.2m", "2025-03-01", "42") into a claim object; null when it is none of them. */
  'claims.parseValue': { args: z.object({ text: z.string().max(500) }).strict(), result: returns<ClaimObject | null>() },
  'graph.claimEdges': { args: none, result: returns<ClaimEdge[]>() },

  'history.state': { args: none, result: returns<HistoryState>() },
  'history.undo': { args: none, result: returns<HistoryStep>() },
  'history.redo': { args: none, result: returns<HistoryStep>() },
  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }).strict(),
    result: returns<AuditPage>()
  },
  'anchors.review': { args: z.object({ documentId: id.optional() }).strict(), result: returns<AnchorIssue[]>() },

  'settings.userName': { args: none, result: returns<UserSettings>() },
  'settings.setUserName': {
    args: z.object({ userName: z.string().trim().min(1, 'a name is required').max(100) }).strict(),
    result: returns<UserSettings>()
  },

  'export.savePng': {
    args: z
      .object({
        bytes: z.instanceof(Uint8Array).refine((b) => b.length > 8 && b.length < 512 * 1024 * 1024),
        suggestedName: z.string().max(200)
      })
      .strict(),
    result: returns<{ path: string } | null>()
  },

  // --- Relationship map: named maps (views) and image export -----------------
  'maps.list': { args: none, result: returns<MapSummary[]>() },
  'maps.get': { args: z.object({ id }).strict(), result: returns<MapDetail>() },
  'maps.create': {
    args: z.object({ name: mapName, filters: mapFiltersSchema.optional(), settings: mapSettingsSchema.optional(), copyFrom: id.optional() }).strict(),
    result: returns<MapDetail>()
  },
  'maps.rename': { args: z.object({ id, name: mapName }).strict(), result: returns<MapSummary>() },
  'maps.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },
  'maps.update': {
    args: z
      .object({
        id,
        filters: mapFiltersSchema.optional(),
        settings: mapSettingsSchema.optional(),
        /** Saved places: merged into the map's positions, or replacing them all with `replacePositions`. */
        positions: z.array(mapPositionSchema).max(200_000).optional(),
        replacePositions: z.boolean().optional()
      })
      .strict(),
    result: returns<MapSummary>()
  },
  'graph.entityDocuments': { args: none, result: returns<EntityDocument[]>() },
  'graph.pairEvidence': {
    args: z.object({ a: id, b: id, limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: returns<PairPassage[]>()
  },
  /** Shows a save dialog and writes the image atomically; the bytes must be of the kind named. */
  'export.saveFile': {
    args: z
      .object({
        bytes: z.instanceof(Uint8Array).refine((b) => b.length > 8 && b.length < 512 * 1024 * 1024),
        kind: z.enum(['png', 'svg', 'pdf']),
        suggestedName: z.string().max(200)
      })
      .strict(),
    result: returns<{ path: string } | null>()
  }
} as const

export type Contract = typeof contract

// The contract and METHOD_NAMES must list the same methods.
type Missing = Exclude<Method, keyof Contract>
type Extra = Exclude<keyof Contract, Method>
const sameMethods: [Missing, Extra] extends [never, never] ? true : false = true
void sameMethods

export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends Method> = z.output<Contract[M]['args']>
export type ResultOf<M extends Method> = Contract[M]['result']

export * from './methods'
