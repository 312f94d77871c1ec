// Claims from W3C annotation files (`rwb:claim`, as our export writes them),
// inside the import's transaction (repos/annotations.ts). The passage is
// placed exactly like a mention's (resolveSpan: the position when the quote
// matches there, else the one place prefix + quote + suffix occurs, else
// reported); subject, object and attribution sources are matched by exact
// name and type, and created only when the claim is made. A claim already
// in the project (same subject, predicate, value and passage) is counted as
// a duplicate, never made twice.
import type { AnnotationImportReport } from '../../../contract/api'
import { claimObjectSchema } from '../../../contract/claims'
import type { ClaimObject } from '../../../contract/types'
import { checkSpan } from '../../anchor/anchor'
import type { OffsetConverter } from '../../export/codePoints'
import type { ClaimCandidate, NamedEntity } from '../../export/types'
import { objectKey, predicateKey } from '../../tagging/values'
import { all, get, type Database } from '../sqlite'
import { createClaim } from './claims/mutations'
import { createEntity } from './entities'
import { resolveSpan } from './annotations'

export interface DocText {
  id: number
  text: string
  conv: OffsetConverter
}

export function importClaimCandidates(
  db: Database,
  claims: ClaimCandidate[],
  docOf: (sha256: string) => DocText | null,
  report: AnnotationImportReport,
  now: string
): void {
  const entityFor = (e: NamedEntity): number => {
    const row = get<{ id: number }>(db, 'SELECT id FROM entities WHERE name = ? AND type = ? ORDER BY id LIMIT 1', [e.name, e.type])
    if (row) return row.id
    report.entitiesCreated++
    return createEntity(db, e, now).id
  }
  for (const c of claims) {
    const fail = (reason: string) => report.unresolved.push({ id: c.id, reason })
    let passage: { documentId: number; start: number; end: number } | null = null
    if (c.sha256) {
      const doc = docOf(c.sha256)
      if (!doc) {
        fail(`its document (urn:sha256:${c.sha256}) is not in this project`)
        continue
      }
      const span = resolveSpan(doc.text, doc.conv, c)
      if ('reason' in span) {
        fail(span.reason)
        continue
      }
      const problem = checkSpan(doc.text, span.start, span.end)
      if (problem) {
        fail(`its passage cannot be quoted (${problem})`)
        continue
      }
      passage = { documentId: doc.id, start: span.start, end: span.end }
      if (span.relocated) report.relocated.push(c.id)
    }
    let value: ClaimObject | null = null
    if (c.object.kind !== 'entity' || !('entity' in c.object)) {
      const parsed = claimObjectSchema.safeParse(c.object)
      if (!parsed.success) {
        fail(`its value is not valid (${parsed.error.issues[0]?.message ?? 'unreadable'})`)
        continue
      }
      value = parsed.data
    }
    const subjectId = entityFor(c.subject)
    const object: ClaimObject = value ?? { kind: 'entity', entityId: entityFor((c.object as { entity: NamedEntity }).entity) }
    const key = objectKey(object)
    const same = all<{ id: number; document_id: number | null; start: number | null; end: number | null; kind: string; ent: number | null; amount: string | null; currency: string | null; date: string | null; unit: string | null; text: string | null }>(
      db,
      `SELECT id, document_id, start, end, object_kind AS kind, object_entity_id AS ent, value_amount AS amount, value_currency AS currency,
              value_date AS date, value_unit AS unit, value_text AS text
         FROM claims WHERE subject_id = ? AND predicate_key = ?`,
      [subjectId, predicateKey(c.predicate)]
    ).some((r) => {
      const o: ClaimObject =
        r.kind === 'entity'
          ? { kind: 'entity', entityId: r.ent! }
          : r.kind === 'money'
            ? { kind: 'money', amount: r.amount!, currency: r.currency! }
            : r.kind === 'number'
              ? { kind: 'number', value: r.amount!, unit: r.unit ?? '' }
              : r.kind === 'date'
                ? { kind: 'date', date: r.date! }
                : { kind: 'text', text: r.text ?? '' }
      return objectKey(o) === key && r.document_id === (passage?.documentId ?? null) && r.start === (passage?.start ?? null) && r.end === (passage?.end ?? null)
    })
    if (same) {
      report.claimsSkippedDuplicates++
      continue
    }
    createClaim(
      db,
      {
        subjectId,
        predicate: c.predicate,
        object,
        qualifier: c.qualifier,
        passage,
        analystJudgement: c.analystJudgement,
        attribution: c.attribution.map((a) => ({ entityId: entityFor(a.source), role: a.role })),
        reliability: c.reliability,
        credibility: c.credibility,
        status: c.status,
        notes: c.notes
      },
      now
    )
    report.claimsImported++
  }
}
