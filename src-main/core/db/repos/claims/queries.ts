// Reading claims: one claim, a filtered and sorted list, the groups of the
// same subject and predicate (with conflicts), the predicates already in use,
// the map's evidenced edges (the exporters' model is export/claimModel.ts). Nothing here writes.
//
// Trade-off: listClaims builds its WHERE clause from the filter by hand
// rather than through a query builder: the filter is small, and the SQL
// stays readable next to the indexes it relies on (0004 migration).
import type { ClaimFilter as ClaimFilterArgs } from '../../../../contract/claims'
import type { Claim, ClaimEdge, ClaimGroup, ClaimStatus, PredicateSuggestion, SourceReliability } from '../../../../contract/types'
import { CoreError } from '../../../app/errors'
import { groupClaims } from '../../../tagging/groups'
import { predicateKey } from '../../../tagging/values'
import { all, type Database, type Params } from '../../sqlite'
import { claimRow, rowsToClaims, SELECT, toClaim, type ClaimRow } from './rows'

export function getClaim(db: Database, id: number): Claim {
  const row = claimRow(db, id)
  if (!row) throw new CoreError('NOT_FOUND', `Claim ${id} does not exist.`)
  return rowsToClaims(db, [row])[0]!
}

/** Which claims to list: the contract's schema, after validation. */
export type ClaimFilter = ClaimFilterArgs

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
  // Grouping never reads attribution chains: the rows become Claims without
  // them (groupClaims reads only the fields GroupableClaim names).
  const claims = all<ClaimRow>(db, SELECT).map((r) => toClaim(r, []))
  let groups = groupClaims(claims.map((c) => ({ ...c, documentId: c.passage?.documentId ?? null })))
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
