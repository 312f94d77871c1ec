// FollowTheMoney entities as JSON lines (one entity per line), the format
// `ftm` tools, Aleph and OpenSanctions' tooling read. Every value is a list
// of strings under `properties`, as FtM requires.
//
// Entity types map to FtM schemata:
//   Person → Person, Organization → Organization, Company → Company,
//   PublicBody → PublicBody, Event → Event,
//   Location → Address (FtM's only place-like thing schema; the name goes
//     into both `name` and `full`),
//   Source (an outlet) → Organization,
//   Technology (a product) → Asset,
//   Money, Date and any other type → Note (FtM keeps amounts and dates as
//     properties, not as things; Thing itself is abstract).
// The original type key is kept in `keywords` ("rwb:type:Money"), notes go to `notes`.
//
// Claims with an entity object (links included: they are analyst-judgement
// claims) become FtM interval schemata where the predicate is a link type's
// verb ("owns", "works for", "is member of") and the two ends' schemata fit
// the schema's property ranges, otherwise UnknownLink:
//   ownership  (A owns B)          → Ownership   { owner: A, asset: B }          A a LegalEntity, B an Asset
//   employment (A works for B)     → Employment  { employee: A, employer: B }    A a Person, B an Organization
//   membership (A is member of B)  → Membership  { member: A, organization: B }  A a LegalEntity, B an Organization
//   directorship (A directs B)     → Directorship{ director: A, organization: B }
//   anything else                  → UnknownLink { subject: A, object: B }
// Each keeps the predicate in `role` and the grade in `status`; a typed one
// says its link type in `description`.
import { entityType, RELATION_TYPES } from '../../contract/vocabulary'
import { predicateKey } from '../tagging/values'
import { projectKey, uuidV5 } from './common'
import type { GraphSnapshot } from './types'

export interface FtmEntity {
  id: string
  schema: string
  properties: Record<string, string[]>
}

const ENTITY_SCHEMA: Record<string, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Company',
  PublicBody: 'PublicBody',
  Event: 'Event',
  Location: 'Address',
  Source: 'Organization',
  Technology: 'Asset',
  Money: 'Note',
  Date: 'Note'
}

/** Which schemata count as which FtM parent (the ranges the interval schemata check). */
const LEGAL_ENTITY = new Set(['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity'])
const ORGANIZATION = new Set(['Organization', 'Company', 'PublicBody'])
const ASSET = new Set(['Asset', 'Company'])

export const FTM_SCHEMATA_USED = [
  ...new Set([...Object.values(ENTITY_SCHEMA), 'Ownership', 'Employment', 'Membership', 'Directorship', 'UnknownLink'])
]

export function ftmSchemaFor(typeKey: string): string {
  return ENTITY_SCHEMA[typeKey] ?? 'Note'
}

interface LinkMapping {
  schema: string
  from: string
  to: string
}

const UNKNOWN: LinkMapping = { schema: 'UnknownLink', from: 'subject', to: 'object' }

/** A link type by its verb, as the predicate of a claim ("owns" → ownership). */
const RELATION_BY_VERB = new Map(RELATION_TYPES.map((t) => [predicateKey(t.verb), t]))

export function ftmLinkFor(relationTypeKey: string, fromSchema: string, toSchema: string): LinkMapping {
  switch (relationTypeKey) {
    case 'ownership':
      return LEGAL_ENTITY.has(fromSchema) && ASSET.has(toSchema) ? { schema: 'Ownership', from: 'owner', to: 'asset' } : UNKNOWN
    case 'employment':
      return fromSchema === 'Person' && ORGANIZATION.has(toSchema) ? { schema: 'Employment', from: 'employee', to: 'employer' } : UNKNOWN
    case 'membership':
      return LEGAL_ENTITY.has(fromSchema) && ORGANIZATION.has(toSchema) ? { schema: 'Membership', from: 'member', to: 'organization' } : UNKNOWN
    case 'directorship':
      return LEGAL_ENTITY.has(fromSchema) && ORGANIZATION.has(toSchema) ? { schema: 'Directorship', from: 'director', to: 'organization' } : UNKNOWN
    default:
      return UNKNOWN
  }
}

export function toFtmEntities(s: GraphSnapshot): FtmEntity[] {
  const key = projectKey(s)
  const ids = new Map<number, string>()
  const schemata = new Map<number, string>()
  const out: FtmEntity[] = []
  for (const e of s.entities) {
    const schema = ftmSchemaFor(e.type)
    const id = `rwb-${uuidV5(`${key}/entity/${e.id}`)}`
    ids.set(e.id, id)
    schemata.set(e.id, schema)
    const properties: Record<string, string[]> = { name: [e.name], keywords: [`rwb:type:${e.type}`] }
    if (schema === 'Address') properties.full = [e.name]
    if (schema === 'Note') properties.description = [`${entityType(e.type).label}: ${e.name}`]
    if (e.notes.trim()) properties.notes = [e.notes]
    out.push({ id, schema, properties })
  }
  for (const c of s.claims) {
    const a = ids.get(c.subjectId)
    const b = c.objectId !== null ? ids.get(c.objectId) : undefined
    if (!a || !b) continue
    const t = RELATION_BY_VERB.get(predicateKey(c.predicate))
    const map = t ? ftmLinkFor(t.key, schemata.get(c.subjectId)!, schemata.get(c.objectId!)!) : UNKNOWN
    const properties: Record<string, string[]> = { [map.from]: [a], [map.to]: [b], role: [c.predicate] }
    if (t && map !== UNKNOWN) properties.description = [`${t.label} (Research Workbench link type "${t.key}")`]
    if (c.grade) properties.status = [c.grade]
    out.push({ id: `rwb-${uuidV5(`${key}/claim/${c.id}`)}`, schema: map.schema, properties })
  }
  return out
}

export function toFtm(s: GraphSnapshot): string {
  return toFtmEntities(s)
    .map((e) => JSON.stringify(e) + '\n')
    .join('')
}
