// Domain types shared by main, preload and renderer. Plain JSON only (plus
// Uint8Array): the e2e harness carries these through Playwright's
// exposeBinding, which cannot carry Map or Node's Buffer.
import type { MenuCommandId } from './commands'

/** Offsets are UTF-16 code-unit indexes into a document's canonical text. */
export interface TextSpan {
  start: number
  end: number
}

export type BlockKind =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'li'
  | 'quote'
  | 'pre'
  | 'row'

/** A block of the canonical text: a paragraph, heading, list item ... */
export interface Block extends TextSpan {
  kind: BlockKind
  /** The 1-based page the block is on (PDF only). */
  page?: number
}

export interface DocumentSummary {
  id: number
  title: string
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  sourcePath: string
  mediaType: string
  fileSize: number
  sha256: string
  importedAt: string
  textLength: number
  mentionCount: number
  /** Page count of a PDF; null for formats without pages. */
  pages: number | null
}

export interface DocumentContent extends DocumentSummary {
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  text: string
  blocks: Block[]
}

export interface Entity {
  id: number
  name: string
  type: string
  notes: string
  mentionCount: number
  createdAt: string
}

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

export interface Relation {
  id: number
  sourceId: number
  targetId: number
  type: string
  label: string
  createdAt: string
}

/** Two entities mentioned in the same block (paragraph) of a document. */
export interface CoMention {
  a: number
  b: number
  count: number
}

export interface ProjectInfo {
  path: string
  name: string
  documentCount: number
  entityCount: number
}

export interface SaveState {
  dirty: boolean
  saving: boolean
  lastSavedAt: string | null
  error: string | null
}

export interface ImportResult {
  path: string
  status: 'imported' | 'duplicate' | 'failed' | 'cancelled'
  documentId?: number
  title?: string
  reason?: string
}

export interface ImportProgress {
  done: number
  total: number
  /** The file being read, or null when the import has finished. */
  current: string | null
}

/** Commands the native menu sends to the renderer: those declared with a menu placement (./commands.ts). */
export type MenuCommand = MenuCommandId

export type AppEvent =
  | { kind: 'menu'; command: MenuCommand }
  | { kind: 'save'; state: SaveState }
  | { kind: 'project'; info: ProjectInfo }
  | { kind: 'import'; progress: ImportProgress }

/** A passage of plain text (never HTML) with [start, end) ranges of the matched words in it. */
export interface SearchSnippet {
  text: string
  highlights: [number, number][]
}

/** One document found by full-text search (`search.query`), best first. */
export interface SearchHit {
  documentId: number
  title: string
  siteName: string | null
  /** The passage around the first hit in the text. */
  snippet: SearchSnippet
  /** The first hit: UTF-16 offsets into the document's canonical text (0, 0 when only the title matched). */
  start: number
  end: number
  /** BM25 relevance; higher is better. */
  score: number
  /** The matched words in `title`, as [start, end) ranges. */
  titleHighlights: [number, number][]
}

// ---------------------------------------------------------------------------
// Tagging core: entity types, aliases, claims (span-anchored evidence with
// sources and grades), undo/redo history, audit log, anchor review.
// ---------------------------------------------------------------------------

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

/**
 * The object of a claim: another entity, or a value. Amounts are decimal
 * strings, never floats ("29000000000", "13.8"); currencies are ISO 4217
 * codes; dates are ISO 8601 with optional precision (YYYY, YYYY-MM, YYYY-MM-DD).
 */
export type ClaimObject =
  | { kind: 'entity'; entityId: number }
  | { kind: 'money'; amount: string; currency: string }
  | { kind: 'date'; date: string }
  | { kind: 'number'; value: string; unit: string }
  | { kind: 'text'; text: string }

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

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoLabel: string | null
  redoLabel: string | null
}

/** What an undo or redo did, so the UI can refresh what changed. */
export interface HistoryStep extends HistoryState {
  /** The action undone or redone; null when there was none. */
  label: string | null
  changed: { tables: string[]; entityIds: number[]; documentIds: number[] }
}

export interface AuditEntry {
  id: number
  at: string
  user: string
  /** The operation ("mentions.create", "history.undo", …). */
  action: string
  /** What it did, in words. */
  label: string
  /** Rows changed per table and kind, e.g. { "mentions.insert": 3 }. */
  details: Record<string, number>
}

export interface AuditPage {
  entries: AuditEntry[]
  total: number
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

export interface UserSettings {
  /** Recorded in the audit log with every change. */
  userName: string
}

// ---- Relationship map views (maps.*) -------------------------------------

/** Layouts the map offers; `preset` means "as saved". */
export const MAP_LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'circle', 'grid'] as const
export type MapLayoutName = (typeof MAP_LAYOUTS)[number]

/** Admiralty grade: source reliability A–F and information credibility 1–6. */
export interface MinGrade {
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'
  /** 1–6 */
  credibility: number
}

/** What a named map shows. `null` lists mean "all". */
export interface MapFilters {
  entityTypes: string[] | null
  /** Entities mentioned in (and claims evidenced in) these documents. */
  documentIds: number[] | null
  predicates: string[] | null
  minGrade: MinGrade | null
  statuses: string[] | null
  /** ISO dates (YYYY-MM-DD), inclusive; claims without a date are hidden while a range is set. */
  dateFrom: string | null
  dateTo: string | null
  hideIsolated: boolean
  /** Only this entity and what lies within `hops` edges of it. */
  focus: { entityId: number; hops: 1 | 2 | 3 } | null
}

/** How a named map draws. */
export interface MapSettings {
  layout: MapLayoutName
  sizeBy: 'mentions' | 'degree'
  showLinks: boolean
  showClaims: boolean
  showCoMentions: boolean
}

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
  showCoMentions: false
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
