// Claims: subject — predicate — object, with the quoted passage they come
// from (a span anchor into the immutable text, like a mention's), an ordered
// attribution chain, a NATO Admiralty grade (source reliability A–F,
// information credibility 1–6) and a status.
//
// A claim whose object is an entity is a relationship on the map
// (graph.claimEdges). Without a passage, a claim is allowed only as an
// explicit analyst judgement: that is what a "link" is (schema 0006 turned
// the old `relations` table into such claims; see core/tagging/README.md).
import type {
  AttributionRole,
  Claim,
  ClaimAttribution,
  ClaimEdge,
  ClaimGroup,
  ClaimObject,
  ClaimQualifier,
  ClaimStatus,
  InfoCredibility,
  PredicateSuggestion,
  SourceReliability
} from '../../../contract/types'
import { checkSpan, makeAnchor, trimSpan } from '../../anchor/anchor'
import { CoreError } from '../../app/errors'
import type { SnapshotClaim } from '../../export/types'
import { groupClaims } from '../../tagging/groups'
import { cleanPredicate, normaliseObject, objectLabel, predicateKey } from '../../tagging/values'
import { all, get, run, type Database, type Params } from '../sqlite'
import { getDocumentText } from './documents'
import { getEntity } from './entities'
import { describeAction } from './history'

interface ClaimRow {
  id: number
  subject_id: number
  subjectName: string
  predicate: string
  object_kind: ClaimObject['kind']
  object_entity_id: number | null
  objectName: string | null
  value_text: string | null
  value_amount: string | null
  value_currency: string | null
  value_date: string | null
  value_unit: string | null
  qualifier: ClaimQualifier
  document_id: number | null
  documentTitle: string | null
  start: number | null
  end: number | null
  quote: string | null
  prefix: string | null
  suffix: string | null
  analyst_judgement: number
  reliability: SourceReliability
  credibility: InfoCredibility
  status: ClaimStatus
  notes: string
  created_at: string
  updated_at: string
}

const SELECT = `SELECT c.*, s.name AS subjectName, o.name AS objectName, d.title AS documentTitle
  FROM claims c
  JOIN entities s ON s.id = c.subject_id
  LEFT JOIN entities o ON o.id = c.object_entity_id
  LEFT JOIN documents d ON d.id = c.document_id`

function objectOf(r: ClaimRow): ClaimObject {
  switch (r.object_kind) {
    case 'entity':
      return { kind: 'entity', entityId: r.object_entity_id! }
    case 'money':
      return { kind: 'money', amount: String(r.value_amount), currency: r.value_currency ?? '' }
    case 'number':
      return { kind: 'number', value: String(r.value_amount), unit: r.value_unit ?? '' }
    case 'date':
      return { kind: 'date', date: r.value_date ?? '' }
    case 'text':
      return { kind: 'text', text: r.value_text ?? '' }
  }
}

function attributionsFor(db: Database, claimIds: number[]): Map<number, ClaimAttribution[]> {
  const out = new Map<number, ClaimAttribution[]>()
  for (let i = 0; i < claimIds.length; i += 500) {
    const chunk = claimIds.slice(i, i + 500)
    const rows = all<{ claimId: number; entityId: number; entityName: string; role: AttributionRole }>(
      db,
      `SELECT a.claim_id AS claimId, a.entity_id AS entityId, e.name AS entityName, a.role
         FROM claim_attributions a JOIN entities e ON e.id = a.entity_id
        WHERE a.claim_id IN (${chunk.map(() => '?').join(',')})
        ORDER BY a.claim_id, a.position, a.id`,
      chunk
    )
    for (const r of rows) {
      let list = out.get(r.claimId)
      if (!list) out.set(r.claimId, (list = []))
      list.push({ entityId: r.entityId, entityName: r.entityName, role: r.role })
    }
  }
  return out
}

function toClaim(r: ClaimRow, attribution: ClaimAttribution[]): Claim {
  const object = objectOf(r)
  return {
    id: r.id,
    subjectId: r.subject_id,
    subjectName: r.subjectName,
    predicate: r.predicate,
    object,
    objectLabel: objectLabel(object, r.objectName ?? undefined),
    qualifier: r.qualifier,
    passage:
      r.document_id === null
        ? null
        : {
            documentId: r.document_id,
            documentTitle: r.documentTitle ?? '',
            start: r.start!,
            end: r.end!,
            quote: r.quote!,
            prefix: r.prefix!,
            suffix: r.suffix!
          },
    analystJudgement: r.analyst_judgement === 1,
    attribution,
    reliability: r.reliability,
    credibility: r.credibility,
    grade: `${r.reliability}${r.credibility}`,
    status: r.status,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function rowsToClaims(db: Database, rows: ClaimRow[]): Claim[] {
  const attrs = attributionsFor(
    db,
    rows.map((r) => r.id)
  )
  return rows.map((r) => toClaim(r, attrs.get(r.id) ?? []))
}

export function getClaim(db: Database, id: number): Claim {
  const row = get<ClaimRow>(db, `${SELECT} WHERE c.id = ?`, [id])
  if (!row) throw new CoreError('NOT_FOUND', `Claim ${id} does not exist.`)
  return rowsToClaims(db, [row])[0]!
}

export interface PassageArgs {
  documentId: number
  start: number
  end: number
}

export interface ClaimInput {
  subjectId: number
  predicate: string
  object: ClaimObject
  qualifier?: ClaimQualifier
  passage?: PassageArgs | null
  analystJudgement?: boolean
  attribution?: { entityId: number; role: AttributionRole }[]
  reliability?: SourceReliability
  credibility?: number
  status?: ClaimStatus
  notes?: string
}

const PROBLEM_TEXT = {
  'out-of-range': 'the passage is outside the document',
  empty: 'the passage is empty',
  'splits-character': 'the passage splits a character in two',
  'whitespace-only': 'the passage holds only spaces'
} as const

function anchorPassage(db: Database, p: PassageArgs) {
  const { text } = getDocumentText(db, p.documentId)
  const problem = checkSpan(text, p.start, p.end)
  if (problem) throw new CoreError('BAD_ARGS', `Cannot quote: ${PROBLEM_TEXT[problem]}.`)
  const span = trimSpan(text, p.start, p.end)
  return { documentId: p.documentId, ...makeAnchor(text, span.start, span.end) }
}

function checkedObject(db: Database, subjectId: number, o: ClaimObject): ClaimObject {
  let obj: ClaimObject
  try {
    obj = normaliseObject(o)
  } catch (e) {
    throw new CoreError('BAD_ARGS', (e as Error).message)
  }
  if (obj.kind === 'entity') {
    getEntity(db, obj.entityId)
    if (obj.entityId === subjectId) throw new CoreError('BAD_ARGS', 'A claim cannot have the same entity as subject and object.')
  }
  return obj
}

function objectColumns(o: ClaimObject): Record<string, string | number | null> {
  return {
    object_kind: o.kind,
    object_entity_id: o.kind === 'entity' ? o.entityId : null,
    value_text: o.kind === 'text' ? o.text : null,
    value_amount: o.kind === 'money' ? o.amount : o.kind === 'number' ? o.value : null,
    value_currency: o.kind === 'money' ? o.currency : null,
    value_date: o.kind === 'date' ? o.date : null,
    value_unit: o.kind === 'number' ? o.unit : null
  }
}

function writeAttribution(db: Database, claimId: number, list: { entityId: number; role: AttributionRole }[]): void {
  db.run('DELETE FROM claim_attributions WHERE claim_id = ?', [claimId])
  list.forEach((a, i) => {
    getEntity(db, a.entityId)
    db.run('INSERT INTO claim_attributions (claim_id, entity_id, role, position) VALUES (?, ?, ?, ?)', [claimId, a.entityId, a.role, i])
  })
}

function claimLabel(db: Database, subjectId: number, predicate: string, o: ClaimObject): string {
  const name = (id: number) => get<{ name: string }>(db, 'SELECT name FROM entities WHERE id = ?', [id])?.name
  return `${name(subjectId) ?? '?'} — ${predicate} — ${objectLabel(o, o.kind === 'entity' ? name(o.entityId) : undefined)}`
}

export function createClaim(db: Database, a: ClaimInput, now: string): Claim {
  getEntity(db, a.subjectId)
  const object = checkedObject(db, a.subjectId, a.object)
  const passage = a.passage ? anchorPassage(db, a.passage) : null
  const judgement = a.analystJudgement ?? false
  if (!passage && !judgement) throw new CoreError('BAD_ARGS', 'A claim needs a quoted passage, or must be marked as an analyst judgement.')
  const predicate = cleanPredicate(a.predicate)
  if (!predicate) throw new CoreError('BAD_ARGS', 'A claim needs a predicate.')
  const cols: Record<string, string | number | null> = {
    subject_id: a.subjectId,
    predicate,
    predicate_key: predicateKey(predicate),
    ...objectColumns(object),
    qualifier: a.qualifier ?? 'exact',
    document_id: passage?.documentId ?? null,
    start: passage?.start ?? null,
    end: passage?.end ?? null,
    quote: passage?.quote ?? null,
    prefix: passage?.prefix ?? null,
    suffix: passage?.suffix ?? null,
    analyst_judgement: judgement ? 1 : 0,
    reliability: a.reliability ?? 'F',
    credibility: a.credibility ?? 6,
    status: a.status ?? 'unverified',
    notes: a.notes ?? '',
    created_at: now,
    updated_at: now
  }
  const keys = Object.keys(cols)
  const id = run(
    db,
    `INSERT INTO claims (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    keys.map((k) => cols[k]!)
  ).lastId
  if (a.attribution?.length) writeAttribution(db, id, a.attribution)
  describeAction(`Claim: ${claimLabel(db, a.subjectId, predicate, object)}`)
  return getClaim(db, id)
}

export function updateClaim(db: Database, a: Partial<ClaimInput> & { id: number }, now: string): Claim {
  const cur = get<ClaimRow>(db, `${SELECT} WHERE c.id = ?`, [a.id])
  if (!cur) throw new CoreError('NOT_FOUND', `Claim ${a.id} does not exist.`)
  const subjectId = a.subjectId ?? cur.subject_id
  if (a.subjectId !== undefined) getEntity(db, a.subjectId)
  const object = checkedObject(db, subjectId, a.object ?? objectOf(cur))
  const cols: Record<string, string | number | null> = { subject_id: subjectId, ...objectColumns(object), updated_at: now }
  if (a.predicate !== undefined) {
    const p = cleanPredicate(a.predicate)
    if (!p) throw new CoreError('BAD_ARGS', 'A claim needs a predicate.')
    cols.predicate = p
    cols.predicate_key = predicateKey(p)
  }
  if (a.qualifier !== undefined) cols.qualifier = a.qualifier
  if (a.reliability !== undefined) cols.reliability = a.reliability
  if (a.credibility !== undefined) cols.credibility = a.credibility
  if (a.status !== undefined) cols.status = a.status
  if (a.notes !== undefined) cols.notes = a.notes
  if (a.analystJudgement !== undefined) cols.analyst_judgement = a.analystJudgement ? 1 : 0
  let hasPassage = cur.document_id !== null
  if (a.passage !== undefined) {
    const p = a.passage ? anchorPassage(db, a.passage) : null
    hasPassage = !!p
    Object.assign(cols, {
      document_id: p?.documentId ?? null,
      start: p?.start ?? null,
      end: p?.end ?? null,
      quote: p?.quote ?? null,
      prefix: p?.prefix ?? null,
      suffix: p?.suffix ?? null
    })
  }
  const judgement = a.analystJudgement ?? cur.analyst_judgement === 1
  if (!hasPassage && !judgement) throw new CoreError('BAD_ARGS', 'A claim without a quoted passage must be marked as an analyst judgement.')
  const keys = Object.keys(cols)
  db.run(`UPDATE claims SET ${keys.map((k) => `"${k}" = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => cols[k]!), a.id])
  if (a.attribution !== undefined) {
    const current = attributionsFor(db, [a.id]).get(a.id) ?? []
    const same = current.length === a.attribution.length && current.every((c, i) => c.entityId === a.attribution![i]!.entityId && c.role === a.attribution![i]!.role)
    if (!same) writeAttribution(db, a.id, a.attribution)
  }
  describeAction(`Edit claim: ${claimLabel(db, subjectId, String(cols.predicate ?? cur.predicate), object)}`)
  return getClaim(db, a.id)
}

export function deleteClaim(db: Database, id: number): number {
  const cur = get<ClaimRow>(db, `${SELECT} WHERE c.id = ?`, [id])
  if (!cur) return 0
  describeAction(`Delete claim: ${claimLabel(db, cur.subject_id, cur.predicate, objectOf(cur))}`)
  return run(db, 'DELETE FROM claims WHERE id = ?', [id]).changes
}

export interface ClaimFilter {
  entityId?: number
  entityRole?: 'subject' | 'object' | 'source' | 'any'
  predicate?: string
  reliability?: SourceReliability[]
  credibility?: number[]
  status?: ClaimStatus[]
  documentId?: number
  analystJudgement?: boolean
  sort?: 'created' | 'updated' | 'subject' | 'predicate' | 'grade' | 'status' | 'document'
  order?: 'asc' | 'desc'
  limit?: number
  offset?: number
}

const SORTS: Record<NonNullable<ClaimFilter['sort']>, string[]> = {
  created: ['c.created_at', 'c.id'],
  updated: ['c.updated_at', 'c.id'],
  subject: ['s.name COLLATE NOCASE', 'c.predicate_key', 'c.id'],
  predicate: ['c.predicate_key', 's.name COLLATE NOCASE', 'c.id'],
  grade: ['c.reliability', 'c.credibility', 'c.id'],
  status: ["CASE c.status WHEN 'corroborated' THEN 0 WHEN 'unverified' THEN 1 WHEN 'disputed' THEN 2 ELSE 3 END", 'c.id'],
  document: ['d.title COLLATE NOCASE', 'c.document_id', 'c.start', 'c.id']
}

export function listClaims(db: Database, f: ClaimFilter = {}): Claim[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (f.entityId !== undefined) {
    const role = f.entityRole ?? 'any'
    const parts: string[] = []
    if (role === 'subject' || role === 'any') parts.push('c.subject_id = ?')
    if (role === 'object' || role === 'any') parts.push('c.object_entity_id = ?')
    if (role === 'source' || role === 'any') parts.push('EXISTS (SELECT 1 FROM claim_attributions a WHERE a.claim_id = c.id AND a.entity_id = ?)')
    where.push(`(${parts.join(' OR ')})`)
    for (let i = 0; i < parts.length; i++) params.push(f.entityId)
  }
  if (f.predicate !== undefined) {
    where.push('c.predicate_key = ?')
    params.push(predicateKey(f.predicate))
  }
  const inList = (col: string, values: readonly (string | number)[] | undefined) => {
    if (!values) return
    if (values.length === 0) {
      where.push('0')
      return
    }
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('c.reliability', f.reliability)
  inList('c.credibility', f.credibility)
  inList('c.status', f.status)
  if (f.documentId !== undefined) {
    where.push('c.document_id = ?')
    params.push(f.documentId)
  }
  if (f.analystJudgement !== undefined) {
    where.push('c.analyst_judgement = ?')
    params.push(f.analystJudgement ? 1 : 0)
  }
  const dir = f.order === 'desc' ? 'DESC' : 'ASC'
  const order = SORTS[f.sort ?? 'created'].map((c) => `${c} ${dir}`).join(', ')
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`
  params.push(f.limit ?? -1, f.offset ?? 0)
  return rowsToClaims(db, all<ClaimRow>(db, sql, params as Params))
}

export function claimGroups(db: Database, a: { entityId?: number; conflictsOnly?: boolean } = {}): ClaimGroup[] {
  const rows = all<ClaimRow>(db, SELECT)
  let groups = groupClaims(
    rows.map((r) => {
      const object = objectOf(r)
      return {
        id: r.id,
        subjectId: r.subject_id,
        subjectName: r.subjectName,
        predicate: r.predicate,
        object,
        objectLabel: objectLabel(object, r.objectName ?? undefined),
        status: r.status,
        documentId: r.document_id
      }
    })
  )
  if (a.entityId !== undefined) {
    const id = a.entityId
    groups = groups.filter((g) => g.subjectId === id || g.values.some((v) => v.object.kind === 'entity' && v.object.entityId === id))
  }
  if (a.conflictsOnly) groups = groups.filter((g) => g.conflict)
  return groups
}

/**
 * Predicates already used in the project (claims, links included),
 * most used first; with a prefix, those starting with it come before those
 * only containing it.
 */
export function predicateSuggestions(db: Database, a: { prefix?: string; limit?: number } = {}): PredicateSuggestion[] {
  const rows = all<{ predicate: string; n: number }>(db, 'SELECT predicate, count(*) AS n FROM claims GROUP BY predicate')
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>()
  for (const r of rows) {
    const key = predicateKey(r.predicate)
    if (!key) continue
    let e = byKey.get(key)
    if (!e) byKey.set(key, (e = { count: 0, spellings: new Map() }))
    e.count += r.n
    e.spellings.set(r.predicate, (e.spellings.get(r.predicate) ?? 0) + r.n)
  }
  const want = a.prefix ? predicateKey(a.prefix) : ''
  const out: (PredicateSuggestion & { rank: number })[] = []
  for (const [key, e] of byKey) {
    const rank = !want || key.startsWith(want) ? 0 : key.includes(want) ? 1 : -1
    if (rank < 0) continue
    const predicate = [...e.spellings.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0]
    out.push({ predicate, count: e.count, rank })
  }
  return out
    .sort((x, y) => x.rank - y.rank || y.count - x.count || x.predicate.localeCompare(y.predicate))
    .slice(0, a.limit ?? 20)
    .map(({ predicate, count }) => ({ predicate, count }))
}

/** Claims whose object is an entity: the map's evidenced edges. */
export function claimEdges(db: Database): ClaimEdge[] {
  return all<{
    claimId: number
    sourceId: number
    targetId: number
    predicate: string
    reliability: string
    credibility: number
    status: ClaimStatus
    judgement: number
    documentId: number | null
  }>(
    db,
    `SELECT id AS claimId, subject_id AS sourceId, object_entity_id AS targetId, predicate, reliability, credibility, status,
            analyst_judgement AS judgement, document_id AS documentId
       FROM claims WHERE object_kind = 'entity' ORDER BY id`
  ).map((r) => ({
    claimId: r.claimId,
    sourceId: r.sourceId,
    targetId: r.targetId,
    predicate: r.predicate,
    grade: `${r.reliability}${r.credibility}`,
    status: r.status,
    analystJudgement: r.judgement === 1,
    documentId: r.documentId
  }))
}

/** Claims in the shape the exporters read (export/types.ts SnapshotClaim), for whoever wires claims into the snapshot. */
export function snapshotClaims(db: Database): SnapshotClaim[] {
  return listClaims(db).map((c) => ({
    id: c.id,
    subjectId: c.subjectId,
    predicate: c.predicate,
    objectId: c.object.kind === 'entity' ? c.object.entityId : null,
    objectText: c.object.kind === 'entity' ? null : c.objectLabel,
    grade: c.grade,
    evidence: c.passage
      ? [{ documentId: c.passage.documentId, start: c.passage.start, end: c.passage.end, quote: c.passage.quote, prefix: c.passage.prefix, suffix: c.passage.suffix }]
      : []
  }))
}
