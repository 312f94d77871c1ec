// The suggestion engine's input and output, and the mapping between the
// engine's coarse types (what the layers and the gold set speak) and the
// app's entity type keys (contract/vocabulary.ts, what a suggestion carries).
// Offsets are UTF-16 code units into the text given, like every offset in
// the project.
import type { ClaimObject, ClaimQualifier } from '../../contract/types'

export const COARSE_TYPES = ['PERSON', 'ORG', 'LOC', 'MONEY', 'DATE', 'EVENT', 'PRODUCT'] as const
export type CoarseType = (typeof COARSE_TYPES)[number]

/** Which layer proposed a suggestion. */
export type SuggestionSource = 'dictionary' | 'rule' | 'model' | 'heuristic'

/** A parsed value (money, date, percentage), ready to prefill a claim. */
export interface SuggestedValue {
  object: ClaimObject
  /** "as high as $29 billion" is 'up to'. */
  qualifier: ClaimQualifier
}

export interface Suggestion {
  start: number
  end: number
  text: string
  /** An entity type key ('Person', 'Company', 'Location' ...), or 'Percent' for percentages. */
  type: string
  /** 0..1, how sure the layer is. */
  score: number
  source: SuggestionSource
  /** The project entity whose name or alias matched (dictionary suggestions only). */
  entityId?: number
  value?: SuggestedValue
}

export interface KnownEntity {
  id: number
  name: string
  type: string
  aliases?: readonly string[]
}

export interface SuggestOptions {
  /** The project's entities: their names and aliases are suggested as themselves. */
  entities?: readonly KnownEntity[]
  /** Spans the analyst rejected, and names rejected everywhere (matched case-insensitively). */
  rejected?: { spans?: readonly { start: number; end: number }[]; names?: readonly string[] }
  /** Spans already tagged: nothing overlapping them is suggested. */
  tagged?: readonly { start: number; end: number }[]
  /** BCP 47 language of the text; anything but English (or unknown) gets only names, money and dates. */
  lang?: string | null
  /** Also run wink's own money/date recogniser (the 'model' layer): about 0.8 s more per MB, and the rules find what it finds. */
  modelEntities?: boolean
}

/** The type key a coarse type becomes; ORG is refined to Company / PublicBody by its words. */
export const TYPE_KEY: Record<CoarseType, string> = {
  PERSON: 'Person',
  ORG: 'Organization',
  LOC: 'Location',
  MONEY: 'Money',
  DATE: 'Date',
  EVENT: 'Event',
  PRODUCT: 'Technology'
}

const COARSE_OF: Record<string, CoarseType> = {
  Person: 'PERSON',
  Organization: 'ORG',
  Company: 'ORG',
  PublicBody: 'ORG',
  Source: 'ORG',
  Location: 'LOC',
  Money: 'MONEY',
  Date: 'DATE',
  Event: 'EVENT',
  Technology: 'PRODUCT'
}

/** The coarse type of an app type key; null for keys with none (custom types, 'Percent'). */
export function coarseOf(typeKey: string): CoarseType | null {
  return COARSE_OF[typeKey] ?? null
}

/** English (or unspecified, which the app's English-first imports mostly are). */
export function isEnglish(lang: string | null | undefined): boolean {
  return !lang || /^en\b/i.test(lang)
}

/**
 * The engine's version in the project's cache key: bump it when a layer's
 * output changes, so cached suggestions are recomputed.
 */
export const ENGINE_VERSION = 'suggest-1'
