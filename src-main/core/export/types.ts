// The in-memory "graph snapshot" every exporter reads: one consistent read of
// the project through the database worker (see snapshot.ts), in plain JSON.
//
// Offsets in `mentions` are UTF-16 code units into the document's canonical
// text, as everywhere in the project file; `cpStart`/`cpEnd` are the same
// positions counted in Unicode code points (what W3C Web Annotation
// TextPositionSelectors and Python strings use), filled in when the snapshot
// is read with `codePoints: true`.
import type { Entity, Mention } from '../../contract/types'

export interface SnapshotDocument {
  id: number
  title: string
  sourcePath: string
  mediaType: string
  /** SHA-256 (hex) of the file's original bytes: the document's identity across projects. */
  sha256: string
}

export interface SnapshotMention extends Mention {
  cpStart?: number
  cpEnd?: number
}

/** Where a claim is said in a document (a span anchor, UTF-16 offsets like a mention's). */
export interface ClaimEvidence {
  documentId: number
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  cpStart?: number
  cpEnd?: number
}

/**
 * A claim: subject – predicate – object with a grade, as repos/claims/
 * `snapshotClaims` gives it (an empty list in a project without claims).
 * Links are claims too (analyst judgements without evidence, schema 0006):
 * the edge keeps the label and direction the link had.
 * Every format has a place for claims:
 * - GraphML / GEXF / Cytoscape: a claim whose object is an entity becomes an
 *   edge with `category = "claim"`, `predicate` and `grade`;
 * - CSV: one row of claims.csv (written with its header even when empty);
 * - FtM: an UnknownLink with the predicate as `role` and the grade in `status`;
 * - W3C: one annotation per evidence span, motivation "describing".
 */
export interface SnapshotClaim {
  id: number
  subjectId: number
  predicate: string
  /** The object entity, or null when the object is a literal (a value, a date ...). */
  objectId: number | null
  objectText: string | null
  /** The claim's grade (the NATO Admiralty code, e.g. "B2"); null when ungraded. */
  grade: string | null
  evidence: ClaimEvidence[]
}

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
  entities: Entity[]
  mentions: SnapshotMention[]
  /** Empty when the project has no claims (see SnapshotClaim). */
  claims: SnapshotClaim[]
}

/** What the worker's `graph.snapshot` op returns; snapshot.ts adds the rest. */
export type SnapshotRows = Pick<GraphSnapshot, 'documents' | 'entities' | 'mentions' | 'claims'> & {
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
