// The relationship map: named maps (views with their own filters, drawing
// settings and node places) and the graph queries the map draws from.
import { z } from 'zod'
import { id, mutation, none, query, returns, typeKey } from './define'
import { CLAIM_STATUSES, SOURCE_RELIABILITY } from './claims'

/** Two entities mentioned in the same block (paragraph) of a document. */
export interface CoMention {
  a: number
  b: number
  count: number
}

/** Layouts the map offers; `preset` means "as saved". */
export const MAP_LAYOUTS = ['fcose', 'layered', 'concentric', 'breadthfirst', 'circle', 'grid'] as const
export type MapLayoutName = (typeof MAP_LAYOUTS)[number]

export const DEFAULT_MAP_FILTERS: MapFilters = {
  entityTypes: null,
  documentIds: null,
  predicates: null,
  minGrade: null,
  statuses: null,
  dateFrom: null,
  dateTo: null,
  hideIsolated: false,
  focus: null
}

export const DEFAULT_MAP_SETTINGS: MapSettings = {
  layout: 'fcose',
  sizeBy: 'mentions',
  showLinks: true,
  showClaims: true,
  showCoMentions: false,
  mode: 'entities',
  edgeLabels: 'evidence'
}

/** A node's saved place on one map; pinned nodes stay put on re-layout. */
export interface MapPosition {
  entityId: number
  x: number
  y: number
  pinned: boolean
}

export interface MapSummary {
  id: number
  name: string
  filters: MapFilters
  settings: MapSettings
  createdAt: string
  updatedAt: string
}

export interface MapDetail extends MapSummary {
  positions: MapPosition[]
}

/** Which documents mention which entity, and how often (map filters, export footers). */
export interface EntityDocument {
  entityId: number
  documentId: number
  count: number
}

/** A paragraph where two entities are both mentioned: the evidence behind a co-mention or a link. */
export interface PairPassage {
  documentId: number
  documentTitle: string
  /** The paragraph, UTF-16 offsets into the document's text. */
  start: number
  end: number
  text: string
  /** The two entities' mentions inside it, offsets into the document. */
  spans: { entityId: number; start: number; end: number }[]
}

const mapName = z.string().trim().min(1, 'a name is required').max(120)
const finite = z.number().finite().min(-1e9).max(1e9)
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** Admiralty grade: source reliability A–F and information credibility 1–6. */
export const minGradeSchema = z.object({ reliability: z.enum(SOURCE_RELIABILITY), credibility: z.number().int().min(1).max(6) }).strict()
export type MinGrade = z.infer<typeof minGradeSchema>

/** What a named map shows. `null` lists mean "all". */
export const mapFiltersSchema = z
  .object({
    entityTypes: z.array(typeKey).max(500).nullable(),
    /** Entities mentioned in (and claims evidenced in) these documents. */
    documentIds: z.array(id).max(100_000).nullable(),
    predicates: z.array(z.string().max(200)).max(5000).nullable(),
    minGrade: minGradeSchema.nullable(),
    statuses: z.array(z.string().max(60)).max(20).nullable(),
    /** ISO dates (YYYY-MM-DD), inclusive; claims without a date are hidden while a range is set. */
    dateFrom: isoDay.nullable(),
    dateTo: isoDay.nullable(),
    hideIsolated: z.boolean(),
    /** Only this entity and what lies within `hops` edges of it. */
    focus: z.object({ entityId: id, hops: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strict().nullable()
  })
  .strict()
export type MapFilters = z.infer<typeof mapFiltersSchema>

/** How a named map draws. */
export const mapSettingsSchema = z
  .object({
    layout: z.enum(MAP_LAYOUTS),
    sizeBy: z.enum(['mentions', 'degree']),
    showLinks: z.boolean(),
    showClaims: z.boolean(),
    showCoMentions: z.boolean(),
    /** Entity-to-entity edges, or each claim as a small node (subject → claim → object, sources → claim). */
    mode: z.enum(['entities', 'claims']),
    /** Edge labels: the predicate only, or with the best grade and the number of claims ("owns · B2 · 3 claims"). */
    edgeLabels: z.enum(['predicate', 'evidence'])
  })
  .strict()
export type MapSettings = z.infer<typeof mapSettingsSchema>

const mapPositionSchema = z.object({ entityId: id, x: finite, y: finite, pinned: z.boolean() }).strict()

export const mapsContract = {
  'maps.list': query({ args: none, result: returns<MapSummary[]>() }),
  'maps.get': query({ args: z.object({ id }).strict(), result: returns<MapDetail>() }),
  'maps.create': mutation({
    args: z.object({ name: mapName, filters: mapFiltersSchema.optional(), settings: mapSettingsSchema.optional(), copyFrom: id.optional() }).strict(),
    result: returns<MapDetail>(),
    changes: ['maps']
  }),
  'maps.rename': mutation({ args: z.object({ id, name: mapName }).strict(), result: returns<MapSummary>(), changes: ['maps'] }),
  'maps.delete': mutation({ args: z.object({ id }).strict(), result: returns<{ deleted: number }>(), changes: ['maps'] }),
  // A view's filters, settings and node places: written as the analyst works
  // the map, which shows them already; nothing else reads them.
  'maps.update': mutation({
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
    result: returns<MapSummary>(),
    changes: ['history']
  }),
  'graph.coMentions': query({ args: none, result: returns<CoMention[]>() }),
  'graph.entityDocuments': query({ args: none, result: returns<EntityDocument[]>() }),
  'graph.pairEvidence': query({
    args: z.object({ a: id, b: id, limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: returns<PairPassage[]>()
  })
}
