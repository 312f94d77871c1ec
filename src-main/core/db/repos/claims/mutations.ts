// Writing claims: create, edit, delete. Every write checks what the schema
// cannot (the subject and object exist and differ, the passage is a real
// span of the document's text, a claim without a passage is an analyst
// judgement) and names itself for the history (describeAction).
//
// Trade-off: the columns are gathered into a plain record and turned into
// SQL by key, so create and edit share the object and passage mapping; the
// price is that a misspelt column name fails at run time, not in the types.
import type { ClaimInput as ClaimInputArgs } from '../../../../contract/claims'
import type { AttributionRole, Claim, ClaimObject, ClaimQualifier, ClaimStatus, SourceReliability } from '../../../../contract/types'
import { checkSpan, makeAnchor, trimSpan } from '../../../anchor/anchor'
import { CoreError } from '../../../app/errors'
import { cleanPredicate, normaliseObject, objectLabel, predicateKey } from '../../../tagging/values'
import { get, run, type Database } from '../../sqlite'
import { getDocumentText } from '../documents'
import { getEntity } from '../entities'
import { describeAction } from '../history'
import { getClaim } from './queries'
import { attributionsFor, claimRow, objectOf } from './rows'

export interface PassageArgs {
  documentId: number
  start: number
  end: number
}

/** What creating a claim takes: the contract's schema, after validation. */
export type ClaimInput = ClaimInputArgs

type Columns = Record<string, string | number | null>

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

/** The passage columns of an anchored passage; all null for none. */
function passageColumns(p: ReturnType<typeof anchorPassage> | null): Columns {
  return {
    document_id: p?.documentId ?? null,
    start: p?.start ?? null,
    end: p?.end ?? null,
    quote: p?.quote ?? null,
    prefix: p?.prefix ?? null,
    suffix: p?.suffix ?? null
  }
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

function objectColumns(o: ClaimObject): Columns {
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
  const cols: Columns = {
    subject_id: a.subjectId,
    predicate,
    predicate_key: predicateKey(predicate),
    ...objectColumns(object),
    qualifier: a.qualifier ?? 'exact',
    ...passageColumns(passage),
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
  const cur = claimRow(db, a.id)
  if (!cur) throw new CoreError('NOT_FOUND', `Claim ${a.id} does not exist.`)
  const subjectId = a.subjectId ?? cur.subject_id
  if (a.subjectId !== undefined) getEntity(db, a.subjectId)
  const object = checkedObject(db, subjectId, a.object ?? objectOf(cur))
  const cols: Columns = { subject_id: subjectId, ...objectColumns(object), updated_at: now }
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
    Object.assign(cols, passageColumns(p))
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
  const cur = claimRow(db, id)
  if (!cur) return 0
  describeAction(`Delete claim: ${claimLabel(db, cur.subject_id, cur.predicate, objectOf(cur))}`)
  return run(db, 'DELETE FROM claims WHERE id = ?', [id]).changes
}
