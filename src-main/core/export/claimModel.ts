// The one claim model every export (GraphML, GEXF, Cytoscape, CSV, FtM, W3C)
// and the evidence report read: each claim with its subject, predicate,
// object entity or typed value, qualifier, status, Admiralty grades,
// attribution chain, analyst-judgement flag, passages and note; entities
// with type, aliases and notes; documents with their citation; and, when
// asked, co-mentions (two entities tagged in the same paragraph), marked as
// such so nobody mistakes them for claims.
//
// Trade-offs: values keep their exact decimal string (`amountExact`) next to
// a JavaScript number (`amount`), because every outside format wants a
// number but a number cannot hold 0.1 or 30 digits exactly; the exact string
// is the truth. Co-mentions count paragraphs, not documents: two entities in
// the same 5,000-word report say little, in the same paragraph they say
// something, and the pair count stays bounded by paragraph size.
// `readClaimModel` runs where the database is (the worker, or the CLI's
// read-only copy); the pure helpers below it run anywhere.
import type { AttributionRole, Claim, ClaimQualifier, ClaimStatus, Entity, InfoCredibility, SourceReliability } from '../../contract/types'
import { INFO_CREDIBILITY_LABELS, SOURCE_RELIABILITY_LABELS } from '../../contract/claims'
import { entityType } from '../../contract/vocabulary'
import { listClaims } from '../db/repos/claims'
import { listEntities } from '../db/repos/entities'
import { all, type Database } from '../db/sqlite'

/** A claim's object: another entity or a typed value. */
export type ModelValue =
  | { kind: 'entity'; entityId: number; name: string }
  /** `amount` is the number (what outside formats take); `amountExact` the stored decimal (the truth). */
  | { kind: 'money'; amount: number; amountExact: string; currency: string }
  /** ISO 8601 at its precision: YYYY (year), YYYY-MM (month), YYYY-MM-DD (day). */
  | { kind: 'date'; date: string; precision: 'year' | 'month' | 'day' }
  | { kind: 'number'; value: number; valueExact: string; unit: string }
  | { kind: 'text'; text: string }

/** One step of who stands behind a claim, in order ("reported by" NextFin, "according to" TSG Invest). */
export interface ModelAttribution {
  role: AttributionRole
  sourceName: string
  sourceEntityId: number
}

/**
 * Where a claim is said: a span of a document's canonical text (UTF-16
 * offsets, as in the project file; `cpStart`/`cpEnd` in code points when the
 * snapshot was read with codePoints).
 */
export interface ClaimEvidence {
  documentId: number
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  cpStart?: number
  cpEnd?: number
  /** W3C TextQuoteSelector context, unique in the original (w3cContext.ts); read only when asked for. */
  w3cPrefix?: string
  w3cSuffix?: string
}

export interface ModelClaim {
  id: number
  /** `c<id>`: the claim's stable id in every format. */
  key: string
  subjectId: number
  subjectName: string
  predicate: string
  object: ModelValue
  /** The object entity's id; null for a value. */
  objectId: number | null
  /** A value's display text ("29,000,000,000 USD", "2025-03"); null for an entity object. */
  objectText: string | null
  qualifier: ClaimQualifier
  status: ClaimStatus
  reliability: SourceReliability
  credibility: InfoCredibility
  /** reliability + credibility, e.g. "B2". */
  grade: string
  attribution: ModelAttribution[]
  analystJudgement: boolean
  /** The claim's passages (none for an analyst judgement without one). */
  evidence: ClaimEvidence[]
  notes: string
  createdAt: string
  updatedAt: string
}

export interface ModelEntity extends Entity {
  typeLabel: string
  aliases: string[]
}

export interface ModelDocument {
  id: number
  title: string
  byline: string | null
  /** The site or publisher name (Readability's siteName, or as edited). */
  publisher: string | null
  publishedAt: string | null
  /** As the document declares it (BCP 47, e.g. "en", "ru"). */
  language: string | null
  sourcePath: string
  fileName: string
  mediaType: string
  fileSize: number
  /** SHA-256 (hex) of the file's original bytes: the document's identity across projects. */
  sha256: string
  /** SHA-1 (hex) of the original bytes (FtM's contentHash); read only when asked for. */
  sha1?: string
  /** The canonical text and its SHA-256 (W3C: what positions count into); read only when asked for. */
  text?: string
  textSha256?: string
}

/** Two entities tagged in the same paragraph: not a claim, and marked as such everywhere. */
export interface CoMention {
  /** `m<a>-<b>`, a < b. */
  key: string
  a: number
  b: number
  /** How many paragraphs hold both. */
  paragraphs: number
  documentIds: number[]
}

// ---- pure helpers ----------------------------------------------------------

export function precisionOf(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'
}

/** A Claim as the API gives it, in the export model. */
export function modelClaim(c: Claim, entityName: (id: number) => string | undefined = () => undefined): ModelClaim {
  const o = c.object
  const object: ModelValue =
    o.kind === 'entity'
      ? { kind: 'entity', entityId: o.entityId, name: entityName(o.entityId) ?? c.objectLabel }
      : o.kind === 'money'
        ? { kind: 'money', amount: Number(o.amount), amountExact: o.amount, currency: o.currency }
        : o.kind === 'number'
          ? { kind: 'number', value: Number(o.value), valueExact: o.value, unit: o.unit }
          : o.kind === 'date'
            ? { kind: 'date', date: o.date, precision: precisionOf(o.date) }
            : { kind: 'text', text: o.text }
  return {
    id: c.id,
    key: `c${c.id}`,
    subjectId: c.subjectId,
    subjectName: c.subjectName,
    predicate: c.predicate,
    object,
    objectId: o.kind === 'entity' ? o.entityId : null,
    objectText: o.kind === 'entity' ? null : c.objectLabel,
    qualifier: c.qualifier,
    status: c.status,
    reliability: c.reliability,
    credibility: c.credibility,
    grade: c.grade,
    attribution: c.attribution.map((a) => ({ role: a.role, sourceName: a.entityName, sourceEntityId: a.entityId })),
    analystJudgement: c.analystJudgement,
    evidence: c.passage
      ? [{ documentId: c.passage.documentId, start: c.passage.start, end: c.passage.end, quote: c.passage.quote, prefix: c.passage.prefix, suffix: c.passage.suffix }]
      : [],
    notes: c.notes,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt
  }
}

/** "claim", or "judgement" for an explicit analyst judgement (the edge `kind` of the graph formats). */
export function claimKind(c: ModelClaim): 'claim' | 'judgement' {
  return c.analystJudgement ? 'judgement' : 'claim'
}

/** The value as one line of text, qualifier first: "up to 29000000000 USD", "2025-03 (month)", "Scale AI". */
export function valueText(c: ModelClaim): string {
  const q = c.qualifier === 'exact' ? '' : `${c.qualifier} `
  const o = c.object
  switch (o.kind) {
    case 'entity':
      return o.name
    case 'money':
      return `${q}${o.amountExact} ${o.currency}`
    case 'number':
      return `${q}${o.valueExact}${o.unit ? ` ${o.unit}` : ''}`
    case 'date':
      return `${q}${o.date}`
    case 'text':
      return `${q}${o.text}`
  }
}

/** The attribution chain as text: "reported by NextFin [e12] > according to TSG Invest [e14]" ('' when none). */
export function attributionText(c: ModelClaim): string {
  return c.attribution.map((a) => `${a.role} ${a.sourceName} [e${a.sourceEntityId}]`).join(' > ')
}

/** The grade in words: "B2: usually reliable source, information probably true". */
export function gradeMeaning(c: Pick<ModelClaim, 'reliability' | 'credibility' | 'grade'>): string {
  return `${c.grade}: ${SOURCE_RELIABILITY_LABELS[c.reliability].toLowerCase()} source, information ${INFO_CREDIBILITY_LABELS[c.credibility]
    .toLowerCase()
    .replace(/^truth cannot be judged$/, 'cannot be judged')}`
}

// ---- reading (where the database is) ----------------------------------------

export function readModelEntities(db: Database): ModelEntity[] {
  const aliases = new Map<number, string[]>()
  for (const r of all<{ entityId: number; name: string }>(db, 'SELECT entity_id AS entityId, name FROM entity_aliases ORDER BY entity_id, name COLLATE NOCASE, id')) {
    let l = aliases.get(r.entityId)
    if (!l) aliases.set(r.entityId, (l = []))
    l.push(r.name)
  }
  return listEntities(db).map((e) => ({ ...e, typeLabel: entityType(e.type).label, aliases: aliases.get(e.id) ?? [] }))
}

export function readModelDocuments(db: Database): ModelDocument[] {
  return all<Omit<ModelDocument, 'fileName'>>(
    db,
    `SELECT id, title, byline, site_name AS publisher, published_time AS publishedAt, lang AS language,
            source_path AS sourcePath, media_type AS mediaType, file_size AS fileSize, sha256
       FROM documents ORDER BY id`
  ).map((d) => ({ ...d, fileName: d.sourcePath.split(/[\\/]/).pop() ?? d.sourcePath }))
}

export function readModelClaims(db: Database, filter: Parameters<typeof listClaims>[1] = {}): ModelClaim[] {
  const claims = listClaims(db, filter)
  const names = new Map(all<{ id: number; name: string }>(db, 'SELECT id, name FROM entities').map((r) => [r.id, r.name]))
  return claims.map((c) => modelClaim(c, (id) => names.get(id)))
}

/** Pairs of entities tagged in the same paragraph (document block), with how many paragraphs hold both. */
export function readCoMentions(db: Database): CoMention[] {
  const rows = all<{ documentId: number; entityId: number; start: number }>(
    db,
    'SELECT document_id AS documentId, entity_id AS entityId, start FROM mentions ORDER BY document_id, start'
  )
  const pairs = new Map<string, CoMention>()
  let i = 0
  while (i < rows.length) {
    const documentId = rows[i]!.documentId
    let j = i
    while (j < rows.length && rows[j]!.documentId === documentId) j++
    const blocks = JSON.parse(all<{ blocks: string }>(db, 'SELECT blocks FROM documents WHERE id = ?', [documentId])[0]?.blocks ?? '[]') as [number, number, string][]
    const byBlock = new Map<number, Set<number>>()
    let b = 0
    for (let k = i; k < j; k++) {
      const r = rows[k]!
      while (b < blocks.length - 1 && blocks[b]![1] <= r.start) b++
      let set = byBlock.get(b)
      if (!set) byBlock.set(b, (set = new Set()))
      set.add(r.entityId)
    }
    for (const set of byBlock.values()) {
      const ids = [...set].sort((x, y) => x - y)
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const key = `m${ids[x]}-${ids[y]}`
          let p = pairs.get(key)
          if (!p) pairs.set(key, (p = { key, a: ids[x]!, b: ids[y]!, paragraphs: 0, documentIds: [] }))
          p.paragraphs++
          if (p.documentIds.at(-1) !== documentId) p.documentIds.push(documentId)
        }
      }
    }
    i = j
  }
  return [...pairs.values()]
}
