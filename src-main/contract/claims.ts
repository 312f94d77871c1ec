// Claims: span-anchored statements ("Scale AI — awarded — $500M"), each
// with its attribution chain, Admiralty grade and status; an analyst
// judgement is the only claim allowed without a quoted passage. Money and
// numbers are exact decimal strings, never floats.
import { z } from 'zod'
import { id, mutation, offset, query, returns } from './define'
import type { TextSpan } from './documents'

/**
 * The object of a claim: another entity, or a value. Amounts are decimal
 * strings, never floats ("29000000000", "13.8"); currencies are ISO 4217
 * codes; dates are ISO 8601 with optional precision (YYYY, YYYY-MM, YYYY-MM-DD).
 */
export type ClaimObject = z.output<typeof claimObjectSchema>

export type ClaimObjectKind = ClaimObject['kind']

/** How the passage states a value: "as high as $29 billion" is 'up to'. */
export const CLAIM_QUALIFIERS = ['exact', 'about', 'at least', 'up to'] as const
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number]

/** NATO Admiralty code, source reliability: A completely reliable … F cannot be judged. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number]
export const SOURCE_RELIABILITY_LABELS: Record<SourceReliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged'
}

/** NATO Admiralty code, information credibility: 1 confirmed … 6 cannot be judged. */
export const INFO_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const
export type InfoCredibility = (typeof INFO_CREDIBILITY)[number]
export const INFO_CREDIBILITY_LABELS: Record<InfoCredibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged'
}

export const CLAIM_STATUSES = ['unverified', 'corroborated', 'disputed', 'refuted'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

/** How a source stands behind a claim: "reported by NextFin", "according to TSG Invest", "said Marcus Thorne". */
export const ATTRIBUTION_ROLES = ['reported by', 'according to', 'said'] as const
export type AttributionRole = (typeof ATTRIBUTION_ROLES)[number]

/** One link of a claim's attribution chain (a Source or Person entity), in order. */
export interface ClaimAttribution {
  entityId: number
  entityName: string
  role: AttributionRole
}

/** The quoted passage behind a claim: a span anchor like a mention's. */
export interface ClaimPassage extends TextSpan {
  documentId: number
  documentTitle: string
  quote: string
  prefix: string
  suffix: string
}

export interface Claim {
  id: number
  subjectId: number
  subjectName: string
  /** Free text as the analyst typed it ("valuation", "awarded contract to"). */
  predicate: string
  object: ClaimObject
  /** The object for display: the entity's name, "29000000000 USD", "2025-03", … */
  objectLabel: string
  qualifier: ClaimQualifier
  /** Null only for an analyst judgement without a passage behind it. */
  passage: ClaimPassage | null
  /** An explicit "analyst judgement": the only kind of claim allowed without a passage. */
  analystJudgement: boolean
  attribution: ClaimAttribution[]
  reliability: SourceReliability
  credibility: InfoCredibility
  /** reliability + credibility, e.g. "B2". */
  grade: string
  status: ClaimStatus
  notes: string
  createdAt: string
  updatedAt: string
}

/** One distinct object among the claims of a group, and which claims say it. */
export interface ClaimGroupValue {
  object: ClaimObject
  objectLabel: string
  claimIds: number[]
  documentIds: number[]
}

/** Claims with the same subject and (normalised) predicate, across documents. */
export interface ClaimGroup {
  /** Stable key: `${subjectId}|${predicateKey}`. */
  key: string
  subjectId: number
  subjectName: string
  /** The predicate as most often written. */
  predicate: string
  /** Normalised predicate (case, accents, spaces folded). */
  predicateKey: string
  claimIds: number[]
  documentIds: number[]
  /** Distinct objects, most claimed first. */
  values: ClaimGroupValue[]
  /** True when (non-refuted) claims give different values (not entities) for the same subject + predicate. */
  conflict: boolean
}

/** A claim whose object is an entity, drawn on the map as a directed, labelled edge. */
export interface ClaimEdge {
  claimId: number
  sourceId: number
  targetId: number
  predicate: string
  grade: string
  status: ClaimStatus
  analystJudgement: boolean
  documentId: number | null
}

export interface PredicateSuggestion {
  predicate: string
  count: number
}

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

const claimFields = {
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
}
export const claimInputSchema = z
  .object(claimFields)
  .strict()
  .refine((a) => a.passage != null || a.analystJudgement === true, {
    message: 'a claim needs a quoted passage, or must be marked as an analyst judgement',
    path: ['passage']
  })
/** What creating a claim takes (after validation). */
export type ClaimInput = z.output<typeof claimInputSchema>
export const claimUpdateSchema = z.object({ id, ...claimFields, subjectId: id.optional(), predicate: predicate.optional(), object: claimObjectSchema.optional() }).strict()
export type ClaimUpdate = z.output<typeof claimUpdateSchema>
export const claimFilterSchema = z
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
  .strict()
export type ClaimFilter = z.output<typeof claimFilterSchema>

/** Attribution may name sources that become entities; the map draws claims. */
const CLAIM_CHANGES = ['claims', 'entities'] as const

export const claimsContract = {
  'claims.create': mutation({ args: claimInputSchema, result: returns<Claim>(), changes: CLAIM_CHANGES }),
  'claims.update': mutation({ args: claimUpdateSchema, result: returns<Claim>(), changes: CLAIM_CHANGES }),
  'claims.delete': mutation({ args: z.object({ id }).strict(), result: returns<{ deleted: number }>(), changes: CLAIM_CHANGES }),
  'claims.get': query({ args: z.object({ id }).strict(), result: returns<Claim>() }),
  'claims.list': query({ args: claimFilterSchema, result: returns<Claim[]>() }),
  'claims.groups': query({
    args: z.object({ entityId: id.optional(), conflictsOnly: z.boolean().optional() }).strict(),
    result: returns<ClaimGroup[]>()
  }),
  'claims.predicates': query({
    args: z.object({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    result: returns<PredicateSuggestion[]>()
  }),
  /** Reads a value as typed or selected ("$29 billion", "€1.2m", "2025-03-01", "42") into a claim object; null when it is none of them. */
  'claims.parseValue': query({ args: z.object({ text: z.string().max(500) }).strict(), result: returns<ClaimObject | null>() })
}
