// Claims as FollowTheMoney entities (see ftm.ts for the things themselves).
//
// A claim between two things → the FtM interval schema its predicate names,
// when the ends fit the schema's ranges, else UnknownLink with `role`:
//   ownership (owns, shareholder, stake)        → Ownership    owner → asset
//   directorship (director, CEO, chair, board)  → Directorship director → organization
//   employment (works for, employed by)         → Employment   employee → employer
//   membership (member of)                      → Membership   member → organization
//   family (son, wife, brother, married ...)    → Family       person → relative
//   associate (associate, friend, partner of)   → Associate    person → associate
//   representation (represents, lawyer for)     → Representation agent → client
// A date claim by the same subject in the same passage (or with the same
// predicate) gives the interval its startDate / endDate / date.
// A money claim with a second party (an entity claim by the same subject in
// the same passage, or with the same predicate) → Payment {payer: subject,
// beneficiary: that party, amount, currency, date, purpose: predicate}.
// A claim whose object is a country → the subject's `country` (or
// `jurisdiction` for "registered in" and the like), unless refuted.
// Every claim also stays itself: value claims (and country claims) are a
// Note attached to their subject (`entity`), so their status, grade and
// attribution are never lost.
//
// Claim meaning on every one of these: `summary` "status: …; grade: …;
// attribution: …; analyst judgement: …; qualifier: …; value: …; documents: …",
// `status` where the schema has it (Interest), `recordId` = c<id> (intervals)
// or keyword `rwb:claim:c<id>` (notes), `publisher` = the attribution's
// sources, `description` = the analyst's note.
//
// Trade-off: FtM 3.8 intervals have no `proof` (only things do), so a
// relationship cannot point at its article; each passage becomes a
// Documentation {document, entity: subject/object, role: predicate} instead,
// and both ends get the documents as `proof`: from either end, Aleph leads to
// the article.
import { RELATION_TYPES } from '../../contract/vocabulary'
import { parseValue, predicateKey } from '../tagging/values'
import { attributionText, gradeMeaning, valueText, type ModelClaim } from './claimModel'
import { uuidV5 } from './common'
import type { FtmEntity, FtmRefs } from './ftm'
import type { GraphSnapshot } from './types'

/** Entity types whose things are values: carried by the claims that state them. */
export const VALUE_TYPES = new Set(['Money', 'Date'])
/** Schemata a Mention may resolve to, and that have `jurisdiction`. */
export const LEGAL_ENTITY = new Set(['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity'])

interface LinkMapping {
  schema: string
  from: string
  to: string
  /** Where the predicate goes (UnknownLink/Interest: role; Family/Associate: relationship). */
  label: 'role' | 'relationship'
}

const UNKNOWN: LinkMapping = { schema: 'UnknownLink', from: 'subject', to: 'object', label: 'role' }
const ORGANIZATION = new Set(['Organization', 'Company', 'PublicBody'])
const ASSET = new Set(['Asset', 'Company'])

export function ftmLinkFor(relation: string, fromSchema: string, toSchema: string): LinkMapping {
  const legal = LEGAL_ENTITY.has(fromSchema)
  const m = (schema: string, from: string, to: string, label: LinkMapping['label'] = 'role'): LinkMapping => ({ schema, from, to, label })
  switch (relation) {
    case 'ownership':
      return legal && ASSET.has(toSchema) ? m('Ownership', 'owner', 'asset') : UNKNOWN
    case 'employment':
      return fromSchema === 'Person' && ORGANIZATION.has(toSchema) ? m('Employment', 'employee', 'employer') : UNKNOWN
    case 'membership':
      return legal && ORGANIZATION.has(toSchema) ? m('Membership', 'member', 'organization') : UNKNOWN
    case 'directorship':
      return legal && ORGANIZATION.has(toSchema) ? m('Directorship', 'director', 'organization') : UNKNOWN
    case 'family':
      return fromSchema === 'Person' && toSchema === 'Person' ? m('Family', 'person', 'relative', 'relationship') : UNKNOWN
    case 'associate':
      return fromSchema === 'Person' && toSchema === 'Person' ? m('Associate', 'person', 'associate', 'relationship') : UNKNOWN
    case 'representation':
      return legal && LEGAL_ENTITY.has(toSchema) ? m('Representation', 'agent', 'client') : UNKNOWN
    default:
      return UNKNOWN
  }
}

const RELATION_BY_VERB = new Map(RELATION_TYPES.map((t) => [predicateKey(t.verb), t.key]))
const PATTERNS: [string, RegExp][] = [
  ['ownership', /\b(own|owns|owned|owner|shareholder|stake|acquired|holds shares)\b/],
  ['directorship', /\b(director|directs|ceo|chief executive|chair|chairman|chairwoman|board member|president of|founder)\b/],
  ['employment', /\b(works for|worked for|employed|employee|employs|hired|staff)\b/],
  ['membership', /\b(member|joined)\b/],
  ['family', /\b(son|daughter|father|mother|brother|sister|wife|husband|spouse|married|sibling|cousin|uncle|aunt|nephew|niece|parent|child|relative)\b/],
  ['associate', /\b(associate|associated with|friend|business partner|ally|colleague)\b/],
  ['representation', /\b(represents|lawyer for|agent for|lobbies for|represented)\b/]
]

/** The FtM relation a predicate names ("owns" → ownership), or null. */
export function relationOf(predicate: string): string | null {
  const key = predicateKey(predicate)
  const byVerb = RELATION_BY_VERB.get(key)
  if (byVerb && byVerb !== 'other') return byVerb
  for (const [relation, re] of PATTERNS) if (re.test(key)) return relation
  return null
}

const JURISDICTION = /\b(regist|incorporat|jurisdiction|domicil|headquarter)/
const END = /\b(end|ended|until|left|leave|resign|sold|dissolv|ceas|fired|dismiss|stepped down)/
const START = /\b(start|since|from|began|join|found|acquir|appoint|hired|elected|incorporat|sign)/

const keys = new WeakMap<ModelClaim, string>()
const keyOf = (c: ModelClaim) => {
  let k = keys.get(c)
  if (k === undefined) keys.set(c, (k = predicateKey(c.predicate)))
  return k
}

function overlaps(a: ModelClaim, b: ModelClaim): boolean {
  if (a.subjectId !== b.subjectId) return false
  if (keyOf(a) === keyOf(b)) return true
  return a.evidence.some((x) => b.evidence.some((y) => x.documentId === y.documentId && x.start < y.end && y.start < x.end))
}

export function ftmClaimEntities(s: GraphSnapshot, refs: FtmRefs): FtmEntity[] {
  const out: FtmEntity[] = []
  const entities = new Map(s.entities.map((e) => [e.id, e]))
  const docTitle = new Map(s.documents.map((d) => [d.id, d.title]))
  const id = (what: string) => `rwb-${uuidV5(`${refs.key}/${what}`)}`

  /** A claim's object as a value: its own value, or a Money/Date entity's name read as one. */
  const valueOf = (c: ModelClaim): ModelClaim['object'] | null => {
    if (c.object.kind !== 'entity') return c.object
    const e = entities.get(c.object.entityId)
    if (!e || !VALUE_TYPES.has(e.type)) return null
    const v = parseValue(e.name)
    if (v?.kind === 'money') return { kind: 'money', amount: Number(v.amount), amountExact: v.amount, currency: v.currency }
    if (v?.kind === 'date') return { kind: 'date', date: v.date, precision: v.date.length === 4 ? 'year' : v.date.length === 7 ? 'month' : 'day' }
    return { kind: 'text', text: e.name }
  }

  const meaning = (c: ModelClaim, extra: Record<string, string[]> = {}): Record<string, string[]> => {
    const docs = [...new Set(c.evidence.map((p) => p.documentId))]
    const summary = [
      `claim ${c.key}: ${c.subjectName} — ${c.predicate} — ${valueText(c)}`,
      `status: ${c.status}`,
      `grade: ${gradeMeaning(c)}`,
      `attribution: ${attributionText(c) || 'none'}`,
      `analyst judgement: ${c.analystJudgement ? 'yes' : 'no'}`,
      `qualifier: ${c.qualifier}`,
      `documents: ${docs.map((d) => docTitle.get(d) ?? `#${d}`).join('; ') || 'none'}`
    ].join('; ')
    const p: Record<string, string[]> = { summary: [summary], ...extra }
    const sources = [...new Set(c.attribution.map((a) => a.sourceName))]
    if (sources.length) p.publisher = sources
    if (c.notes.trim()) p.description = [c.notes]
    return p
  }

  const docsOf = (c: ModelClaim) => [...new Set(c.evidence.map((p) => refs.document.get(p.documentId)).filter((d): d is string => !!d))]

  /** Proof on a thing: the documents behind a claim about it (FtM `proof`, range Document). */
  const addProof = (entityId: number, docs: string[]) => {
    const e = refs.entity.get(entityId)
    if (!e || docs.length === 0) return
    e.props.proof = [...new Set([...(e.props.proof ?? []), ...docs])]
  }

  /** The value claim (or country claim) itself, attached to its subject. */
  const note = (c: ModelClaim, subject: string, value: string) =>
    out.push({
      id: id(`claim/${c.id}`),
      schema: 'Note',
      properties: {
        name: [`${c.subjectName} — ${c.predicate} — ${value}`],
        entity: [subject],
        keywords: [`rwb:claim:${c.key}`, `rwb:status:${c.status}`, `rwb:grade:${c.grade}`],
        ...(docsOf(c).length ? { proof: docsOf(c) } : {}),
        ...meaning(c)
      }
    })

  const relations: { c: ModelClaim; entity: FtmEntity }[] = []
  const values: { c: ModelClaim; value: NonNullable<ReturnType<typeof valueOf>> }[] = []

  for (const c of s.claims) {
    const subject = refs.entity.get(c.subjectId)
    if (!subject) continue // a Money/Date or country subject: nothing in FtM to hang the claim on
    const docs = docsOf(c)
    addProof(c.subjectId, docs)
    const value = valueOf(c)
    if (value) {
      values.push({ c, value })
      continue
    }
    const objectId = c.objectId!
    const country = refs.country.get(objectId)
    if (country) {
      if (c.status !== 'refuted') {
        const prop = LEGAL_ENTITY.has(subject.schema) && JURISDICTION.test(predicateKey(c.predicate)) ? 'jurisdiction' : 'country'
        subject.props[prop] = [...new Set([...(subject.props[prop] ?? []), country])]
      }
      note(c, subject.id, `${entities.get(objectId)?.name ?? country} (${country})`)
      continue
    }
    const object = refs.entity.get(objectId)
    if (!object) continue
    addProof(objectId, docs)
    const relation = relationOf(c.predicate)
    const map = relation ? ftmLinkFor(relation, subject.schema, object.schema) : UNKNOWN
    const label = map.label
    const isInterest = !['Family', 'Associate'].includes(map.schema)
    const props: Record<string, string[]> = {
      [map.from]: [subject.id],
      [map.to]: [object.id],
      [label]: [c.predicate],
      recordId: [c.key],
      ...meaning(c)
    }
    if (isInterest) props.status = [c.status]
    const entity: FtmEntity = { id: id(`claim/${c.id}`), schema: map.schema, properties: props }
    out.push(entity)
    relations.push({ c, entity })
    for (const p of c.evidence) {
      const doc = refs.document.get(p.documentId)
      if (!doc) continue
      for (const [end, e] of [['subject', subject.id] as const, ['object', object.id] as const]) {
        out.push({
          id: id(`claim/${c.id}/passage/${p.documentId}/${p.start}/${end}`),
          schema: 'Documentation',
          properties: { document: [doc], entity: [e], role: [c.predicate], status: [c.status], recordId: [c.key], summary: [p.quote] }
        })
      }
    }
  }

  // Partners are looked up among the subject's own relationships only (20,000 claims: no quadratic scan).
  const bySubject = new Map<number, typeof relations>()
  for (const r of relations) {
    let l = bySubject.get(r.c.subjectId)
    if (!l) bySubject.set(r.c.subjectId, (l = []))
    l.push(r)
  }
  const valuesBySubject = new Map<number, typeof values>()
  for (const v of values) {
    let l = valuesBySubject.get(v.c.subjectId)
    if (!l) valuesBySubject.set(v.c.subjectId, (l = []))
    l.push(v)
  }
  for (const { c, value } of values) {
    const subject = refs.entity.get(c.subjectId)!
    const partner = (bySubject.get(c.subjectId) ?? []).find((r) => r.c.objectId !== null && overlaps(c, r.c))
    if (value.kind === 'date' && partner) {
      const key = predicateKey(c.predicate)
      const prop = END.test(key) ? 'endDate' : START.test(key) ? 'startDate' : 'date'
      if (c.status !== 'refuted') partner.entity.properties[prop] = [value.date]
    }
    if (value.kind === 'money' && partner && LEGAL_ENTITY.has(subject.schema)) {
      const beneficiary = refs.entity.get(partner.c.objectId!)
      if (beneficiary && LEGAL_ENTITY.has(beneficiary.schema)) {
        const date = (valuesBySubject.get(c.subjectId) ?? []).find((v) => v.value.kind === 'date' && overlaps(v.c, partner.c))
        const p: Record<string, string[]> = {
          payer: [subject.id],
          beneficiary: [beneficiary.id],
          amount: [value.amountExact],
          currency: [value.currency],
          purpose: [`${c.predicate} (${partner.c.predicate})`],
          recordId: [c.key],
          ...meaning(c)
        }
        if (date?.value.kind === 'date') p.date = [date.value.date]
        out.push({ id: id(`claim/${c.id}`), schema: 'Payment', properties: p })
        continue
      }
    }
    note(c, subject.id, valueText({ ...c, object: value }))
  }
  return out
}
