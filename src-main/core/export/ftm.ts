// FollowTheMoney entities as JSON lines (one entity per line), the format
// `ftm` tools, Aleph and OpenSanctions' tooling read. Every value is a list
// of strings under `properties`, as FtM requires. Checked in tests against
// the official model (@alephdata/followthemoney): schema names, property
// names and types, required properties, references that resolve.
//
// Entities (entity types → schemata):
//   Person, Organization, Company, PublicBody, Event as themselves;
//   Source (an outlet) → Organization; Technology (a product) → Asset;
//   Location → a country's ISO code on the related entities' `country` /
//     `jurisdiction` when the name (or an alias) is a country, else Address;
//   Money and Date → no entity of their own: values live on the claims that
//     state them (Payment amounts, interval dates), never as loose notes;
//   any other type → Note attached to the documents that mention it.
// Aliases → `alias`; notes → `notes`; the type key in `keywords`.
// Documents → HyperText / Pages / PlainText / Document with title, author,
// publisher, publishedAt, contentHash (SHA-1 of the file, what Aleph keys
// its archive on; the SHA-256 is in `keywords`), fileName, mimeType,
// fileSize, language. Mentions → Mention (document, resolved entity, name)
// when the entity is a LegalEntity (Mention's range), else a Note whose
// `entity` names both the document and the entity.
// Claims: ftmClaims.ts.
import { entityType } from '../../contract/vocabulary'
import { projectKey, uuidV5 } from './common'
import { ftmClaimEntities, LEGAL_ENTITY, VALUE_TYPES } from './ftmClaims'
import { countryCode, ftmDate, languageCode } from './ftmCodes'
import type { GraphSnapshot, SnapshotDocument } from './types'

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
  Technology: 'Asset'
}

export function ftmSchemaFor(typeKey: string): string {
  return ENTITY_SCHEMA[typeKey] ?? 'Note'
}

function documentSchema(d: SnapshotDocument): string {
  if (d.mediaType === 'text/html' || d.mediaType === 'application/xhtml+xml') return 'HyperText'
  if (d.mediaType === 'application/pdf') return 'Pages'
  if (d.mediaType.startsWith('text/')) return 'PlainText'
  return 'Document'
}

/** Where each project entity went in FtM: its id and schema, or the country code it became. */
export interface FtmRefs {
  key: string
  entity: Map<number, { id: string; schema: string; props: Record<string, string[]> }>
  country: Map<number, string>
  document: Map<number, string>
}

export function toFtmEntities(s: GraphSnapshot): FtmEntity[] {
  const key = projectKey(s)
  const out: FtmEntity[] = []
  const refs: FtmRefs = { key, entity: new Map(), country: new Map(), document: new Map() }
  const docsOf = new Map<number, Set<number>>()
  for (const m of s.mentions) {
    let set = docsOf.get(m.entityId)
    if (!set) docsOf.set(m.entityId, (set = new Set()))
    set.add(m.documentId)
  }

  for (const d of s.documents) {
    const id = `rwb-doc-${uuidV5(`document/${d.sha256}`)}`
    refs.document.set(d.id, id)
    const p: Record<string, string[]> = { name: [d.title], fileName: [d.fileName], title: [d.title], mimeType: [d.mediaType], fileSize: [String(d.fileSize)], keywords: [`sha256:${d.sha256}`] }
    if (d.byline) p.author = [d.byline]
    if (d.publisher) p.publisher = [d.publisher]
    const published = ftmDate(d.publishedAt)
    if (published) p.publishedAt = [published]
    const lang = languageCode(d.language)
    if (lang) p.language = [lang]
    if (d.sha1) p.contentHash = [d.sha1]
    out.push({ id, schema: documentSchema(d), properties: p })
  }

  for (const e of s.entities) {
    if (VALUE_TYPES.has(e.type)) continue
    if (e.type === 'Location') {
      const code = countryCode(e.name, ...e.aliases)
      if (code) {
        refs.country.set(e.id, code)
        continue
      }
    }
    const schema = ftmSchemaFor(e.type)
    const id = `rwb-${uuidV5(`${key}/entity/${e.id}`)}`
    const properties: Record<string, string[]> = { name: [e.name], keywords: [`rwb:type:${e.type}`] }
    if (e.aliases.length) properties.alias = [...e.aliases]
    if (schema === 'Address') properties.full = [e.name]
    if (schema === 'Note') {
      properties.description = [`${entityType(e.type).label}: ${e.name}`]
      const docs = [...(docsOf.get(e.id) ?? [])].map((d) => refs.document.get(d)!).filter(Boolean)
      if (docs.length) properties.entity = docs
    }
    if (e.notes.trim()) properties.notes = [e.notes]
    refs.entity.set(e.id, { id, schema, props: properties })
    out.push({ id, schema, properties })
  }

  const entities = new Map(s.entities.map((e) => [e.id, e]))
  for (const m of s.mentions) {
    const doc = refs.document.get(m.documentId)
    const e = entities.get(m.entityId)
    if (!doc || !e) continue
    const id = `rwb-mention-${uuidV5(`${key}/mention/${m.id}`)}`
    const to = refs.entity.get(m.entityId)
    const country = refs.country.get(m.entityId)
    if (to && !LEGAL_ENTITY.has(to.schema)) {
      // Mention.resolved takes only legal entities: a Note names both ends instead.
      out.push({ id, schema: 'Note', properties: { name: [`Mention of ${e.name}`], entity: [doc, to.id], description: [m.quote], keywords: ['rwb:mention'] } })
      continue
    }
    const p: Record<string, string[]> = { document: [doc], name: [m.quote], detectedSchema: [to?.schema ?? (country ? 'Country' : e.type)] }
    if (to) p.resolved = [to.id]
    if (country) p.contextCountry = [country]
    out.push({ id, schema: 'Mention', properties: p })
  }

  out.push(...ftmClaimEntities(s, refs))
  return out
}

export { ftmLinkFor } from './ftmClaims'

export function toFtm(s: GraphSnapshot): string {
  return toFtmEntities(s)
    .map((e) => JSON.stringify(e) + '\n')
    .join('')
}
