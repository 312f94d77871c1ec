// The in-memory "graph snapshot" every exporter reads: one consistent read of
// the project through the database worker (see snapshot.ts), in plain JSON.
//
// Offsets in `mentions` are UTF-16 code units into the document's canonical
// text, as everywhere in the project file; `cpStart`/`cpEnd` are the same
// positions counted in Unicode code points (what W3C Web Annotation
// TextPositionSelectors and Python strings use), filled in when the snapshot
// is read with `codePoints: true`.
import type { Mention } from '../../contract/types'
import type { ClaimEvidence, CoMention, ModelClaim, ModelDocument, ModelEntity } from './claimModel'

export type { ClaimEvidence } from './claimModel'

/** A document with its citation (see claimModel.ts ModelDocument). */
export type SnapshotDocument = ModelDocument

export interface SnapshotMention extends Mention {
  cpStart?: number
  cpEnd?: number
  w3cPrefix?: string
  w3cSuffix?: string
}

/**
 * A claim in the one export model (claimModel.ts): subject – predicate –
 * object entity or typed value, qualifier, status, grades, attribution chain,
 * analyst-judgement flag, passages (`evidence`) and note. Links are claims
 * too (analyst judgements without a passage, schema 0006).
 */
export type SnapshotClaim = ModelClaim

export interface GraphSnapshot {
  /** Bumped when the snapshot's shape changes incompatibly. */
  version: 1
  project: {
    name: string
    /** When the project file was created: a stable key for ids derived from the project. */
    createdAt: string | null
  }
  /** When the snapshot was read (ISO time). */
  exportedAt: string
  documents: SnapshotDocument[]
  entities: ModelEntity[]
  mentions: SnapshotMention[]
  /** Empty when the project has no claims (see SnapshotClaim). */
  claims: SnapshotClaim[]
  /** Pairs of entities tagged in the same paragraph; only when the export asked for them (absent otherwise). */
  coMentions?: CoMention[]
}

/** What the worker's `graph.snapshot` op returns; snapshot.ts adds the rest. */
export type SnapshotRows = Pick<GraphSnapshot, 'documents' | 'entities' | 'mentions' | 'claims' | 'coMentions'> & {
  projectCreatedAt: string | null
}

export { DATA_EXPORT_FORMATS as EXPORT_FORMATS, type DataExportFormat as ExportFormat } from '../../contract/api'

/** One file an exporter produces: `suffix` is appended to the chosen base name. */
export interface ExportFile {
  suffix: string
  content: string
}

/**
 * One annotation read from a W3C Web Annotation file, reduced to what the
 * importer needs. Positions are Unicode code points, as the file gives them;
 * the worker converts them against the document's text.
 */
export interface AnnotationCandidate {
  /** The annotation's id, or "annotation #n" when it has none. */
  id: string
  /** Lower-case hex SHA-256 of the document's original bytes (from `urn:sha256:`). */
  sha256: string
  exact: string
  prefix: string
  suffix: string
  /** TextPositionSelector, in code points; null when the annotation has none (or a malformed one). */
  start: number | null
  end: number | null
  entityName: string
  entityType: string
}

/** An entity named in an imported claim: matched by exact name and type, created when missing. */
export interface NamedEntity {
  name: string
  type: string
}

/**
 * A claim read from a W3C annotation (`rwb:claim`, as our export writes it).
 * The passage is placed like a mention's (AnnotationCandidate's fields);
 * `sha256` is null for an analyst judgement without a passage.
 */
export interface ClaimCandidate extends Omit<AnnotationCandidate, 'sha256' | 'entityName' | 'entityType'> {
  sha256: string | null
  subject: NamedEntity
  predicate: string
  object: { kind: 'entity'; entity: NamedEntity } | import('../../contract/types').ClaimObject
  qualifier: import('../../contract/types').ClaimQualifier
  status: import('../../contract/types').ClaimStatus
  reliability: import('../../contract/types').SourceReliability
  credibility: import('../../contract/types').InfoCredibility
  analystJudgement: boolean
  attribution: { role: import('../../contract/types').AttributionRole; source: NamedEntity }[]
  notes: string
}
