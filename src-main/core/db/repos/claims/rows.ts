// Claim rows: the one SELECT every claim read goes through, and the one
// place a row becomes a Claim (its object, label, passage and grade). The
// list, the single read, the groups and the exports all build claims here,
// so a column added to `claims` is mapped once.
//
// Trade-off: claimGroups builds full Claims (with an empty attribution
// chain) and keeps only the fields grouping reads; a few throwaway fields per
// row cost less than a second, drifting copy of the mapping.
import type { AttributionRole, Claim, ClaimAttribution, ClaimObject, ClaimQualifier, ClaimStatus, InfoCredibility, SourceReliability } from '../../../../contract/types'
import { objectLabel } from '../../../tagging/values'
import { all, get, type Database } from '../../sqlite'

export interface ClaimRow {
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

export const SELECT = `SELECT c.*, s.name AS subjectName, o.name AS objectName, d.title AS documentTitle
  FROM claims c
  JOIN entities s ON s.id = c.subject_id
  LEFT JOIN entities o ON o.id = c.object_entity_id
  LEFT JOIN documents d ON d.id = c.document_id`

/** The row of one claim, or undefined when there is none. */
export function claimRow(db: Database, id: number): ClaimRow | undefined {
  return get<ClaimRow>(db, `${SELECT} WHERE c.id = ?`, [id])
}

export function objectOf(r: ClaimRow): ClaimObject {
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

/** The attribution chains of the given claims, in order (500 ids a query: SQLite's variable limit). */
export function attributionsFor(db: Database, claimIds: number[]): Map<number, ClaimAttribution[]> {
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

export function toClaim(r: ClaimRow, attribution: ClaimAttribution[]): Claim {
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

/** Rows to Claims with their attribution chains (one query per 500 claims, not one per claim). */
export function rowsToClaims(db: Database, rows: ClaimRow[]): Claim[] {
  const attrs = attributionsFor(
    db,
    rows.map((r) => r.id)
  )
  return rows.map((r) => toClaim(r, attrs.get(r.id) ?? []))
}
