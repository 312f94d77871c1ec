// W3C Web Annotation (JSON-LD) export: one AnnotationCollection with every
// mention and every claim as an Annotation in its first (embedded) page.
//
// Where the selectors point: each document's canonical text (the text
// Research Workbench extracted, NFC) is exported in the collection itself
// (`rwb:canonicalTexts`) as a resource of its own, `urn:sha256:<SHA-256 of
// that text as UTF-8>`, whose `dcterms:source` is the original file
// (`urn:sha256:<SHA-256 of its bytes>`). `target.source` is that text, so a
// consumer knows exactly what TextPositionSelector offsets (Unicode code
// points) count into. The TextQuoteSelector's prefix and suffix are chosen
// (w3cContext.ts) so that prefix + quote + suffix is unique in the original
// itself: for a web page, in its DOM text, where a browser-side tool looks.
//
// Mentions: motivation "identifying", bodies: the entity's name (purpose
// "tagging"), its type key ("classifying") and its id (SpecificResource,
// "identifying", `urn:uuid:` from the project and entity, the same uuid as
// the FtM export's `rwb-<uuid>`).
// Claims: motivation "describing", one annotation per passage (an analyst
// judgement without a passage targets its subject entity), the statement as
// text, subject and object linked, the grade as an `oa:assessing` body, and
// the whole claim (typed value, qualifier, status, grades, attribution chain,
// judgement flag, note) under `rwb:claim`. Every `rwb:` term is declared in
// the JSON-LD context shipped inside the file (RWB_CONTEXT), so a JSON-LD
// processor keeps all of it; terms the standard has are used as the
// standard spells them (`oa:assessing`: the official context has no
// "assessing").
// Annotation ids are name-based UUIDs of the document hash, span and entity
// (or statement), so exporting twice, or from two projects holding the same
// tag, gives the same id.
import { projectKey, uuidV5 } from './common'
import type { ModelClaim } from './claimModel'
import type { GraphSnapshot, SnapshotDocument } from './types'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The namespace of Research Workbench's own terms (an IRI that names, never a place to fetch). */
export const RWB_NS = 'urn:research-workbench:terms:'

/** Every custom term of the export, for JSON-LD processors (shipped in each file's @context). */
export const RWB_CONTEXT: Record<string, unknown> = {
  rwb: RWB_NS,
  'rwb:canonicalTexts': { '@container': '@set' },
  'rwb:selectorsApplyTo': {},
  'rwb:note': {},
  'rwb:sourcePath': {},
  'rwb:documentTitle': {},
  'rwb:claim': {},
  'rwb:key': {},
  'rwb:subjectEntity': { '@type': '@id' },
  'rwb:subjectName': {},
  'rwb:subjectType': {},
  'rwb:predicate': {},
  'rwb:valueKind': {},
  'rwb:objectEntity': { '@type': '@id' },
  'rwb:objectName': {},
  'rwb:objectType': {},
  'rwb:amount': {},
  'rwb:currency': {},
  'rwb:date': {},
  'rwb:datePrecision': {},
  'rwb:number': {},
  'rwb:unit': {},
  'rwb:text': {},
  'rwb:qualifier': {},
  'rwb:status': {},
  'rwb:reliability': {},
  'rwb:credibility': {},
  'rwb:grade': {},
  'rwb:analystJudgement': {},
  'rwb:attribution': { '@container': '@list' },
  'rwb:role': {},
  'rwb:sourceName': {},
  'rwb:sourceType': {},
  'rwb:sourceEntity': { '@type': '@id' }
}
for (const [k, v] of Object.entries(RWB_CONTEXT)) if (k !== 'rwb') RWB_CONTEXT[k] = { '@id': k, ...(v as object) }

export const SELECTORS_NOTE =
  "Selectors apply to the document's canonical text: the text Research Workbench extracted from the file (Unicode NFC), exported in " +
  'rwb:canonicalTexts under the id target.source; its dcterms:source is the original file (urn:sha256 of its bytes). TextPositionSelector ' +
  'start/end count Unicode code points. TextQuoteSelector prefix + exact + suffix is unique in the original (for a web page: its DOM text, white space folded).'

export function entityUrn(s: GraphSnapshot, entityId: number): string {
  return `urn:uuid:${uuidV5(`${projectKey(s)}/entity/${entityId}`)}`
}

export function mentionUrn(sha256: string, start: number, end: number, type: string, name: string): string {
  return `urn:uuid:${uuidV5(`mention/${sha256}/${start}/${end}/${type}/${name}`)}`
}

type Span = { quote: string; prefix: string; suffix: string; cpStart?: number; cpEnd?: number; w3cPrefix?: string; w3cSuffix?: string }

function targetFor(d: SnapshotDocument, span: Span): Record<string, unknown> {
  if (span.cpStart === undefined || span.cpEnd === undefined) {
    throw new Error('W3C export needs code-point offsets: read the snapshot with codePoints: true')
  }
  if (!d.textSha256 || span.w3cPrefix === undefined || span.w3cSuffix === undefined) {
    throw new Error('W3C export needs the canonical texts: read the snapshot with texts: true')
  }
  return {
    source: `urn:sha256:${d.textSha256}`,
    'rwb:sourcePath': d.sourcePath,
    'rwb:documentTitle': d.title,
    'rwb:selectorsApplyTo': 'canonical-text',
    selector: [
      { type: 'TextQuoteSelector', exact: span.quote, prefix: span.w3cPrefix, suffix: span.w3cSuffix },
      { type: 'TextPositionSelector', start: span.cpStart, end: span.cpEnd }
    ]
  }
}

/** The claim in full, for `rwb:claim` (and for the importer to make it again). */
function claimTerms(s: GraphSnapshot, c: ModelClaim, types: Map<number, string>): Record<string, unknown> {
  const o = c.object
  const out: Record<string, unknown> = {
    'rwb:key': c.key,
    'rwb:subjectEntity': entityUrn(s, c.subjectId),
    'rwb:subjectName': c.subjectName,
    'rwb:subjectType': types.get(c.subjectId) ?? 'Other',
    'rwb:predicate': c.predicate,
    'rwb:valueKind': o.kind
  }
  if (o.kind === 'entity') Object.assign(out, { 'rwb:objectEntity': entityUrn(s, o.entityId), 'rwb:objectName': o.name, 'rwb:objectType': types.get(o.entityId) ?? 'Other' })
  if (o.kind === 'money') Object.assign(out, { 'rwb:amount': o.amountExact, 'rwb:currency': o.currency })
  if (o.kind === 'date') Object.assign(out, { 'rwb:date': o.date, 'rwb:datePrecision': o.precision })
  if (o.kind === 'number') Object.assign(out, { 'rwb:number': o.valueExact, 'rwb:unit': o.unit })
  if (o.kind === 'text') out['rwb:text'] = o.text
  return Object.assign(out, {
    'rwb:qualifier': c.qualifier,
    'rwb:status': c.status,
    'rwb:reliability': c.reliability,
    'rwb:credibility': c.credibility,
    'rwb:grade': c.grade,
    'rwb:analystJudgement': c.analystJudgement,
    'rwb:attribution': c.attribution.map((a) => ({
      'rwb:role': a.role,
      'rwb:sourceName': a.sourceName,
      'rwb:sourceType': types.get(a.sourceEntityId) ?? 'Other',
      'rwb:sourceEntity': entityUrn(s, a.sourceEntityId)
    })),
    'rwb:note': c.notes
  })
}

export function toW3CCollection(s: GraphSnapshot): Record<string, unknown> {
  const docs = new Map(s.documents.map((d) => [d.id, d]))
  const entities = new Map(s.entities.map((e) => [e.id, e]))
  const types = new Map(s.entities.map((e) => [e.id, e.type]))
  const used = new Set<number>()
  const items: Record<string, unknown>[] = []
  for (const m of s.mentions) {
    const d = docs.get(m.documentId)
    const e = entities.get(m.entityId)
    if (!d || !e) continue
    used.add(d.id)
    items.push({
      id: mentionUrn(d.sha256, m.cpStart!, m.cpEnd!, e.type, e.name),
      type: 'Annotation',
      motivation: 'identifying',
      created: m.createdAt,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: e.name, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'classifying', value: e.type, format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'identifying', source: entityUrn(s, e.id) }
      ],
      target: targetFor(d, m)
    })
  }
  for (const c of s.claims) {
    const subject = entities.get(c.subjectId)
    if (!subject) continue
    const objectText = c.object.kind === 'entity' ? c.object.name : (c.objectText ?? '')
    const body: Record<string, unknown>[] = [
      { type: 'TextualBody', purpose: 'describing', value: `${subject.name} — ${c.predicate} — ${objectText}`, format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'identifying', source: entityUrn(s, subject.id) }
    ]
    if (c.objectId !== null && entities.has(c.objectId)) body.push({ type: 'SpecificResource', purpose: 'linking', source: entityUrn(s, c.objectId) })
    body.push({ type: 'TextualBody', purpose: 'oa:assessing', value: c.grade, format: 'text/plain' })
    const base = { type: 'Annotation', motivation: 'describing', created: c.createdAt, modified: c.updatedAt, 'rwb:claim': claimTerms(s, c, types), body }
    if (c.evidence.length === 0) {
      // An analyst judgement without a passage: about its subject entity.
      items.push({ id: `urn:uuid:${uuidV5(`judgement/${projectKey(s)}/${c.id}`)}`, ...base, target: entityUrn(s, subject.id) })
      continue
    }
    for (const ev of c.evidence) {
      const d = docs.get(ev.documentId)
      if (!d) continue
      used.add(d.id)
      items.push({
        id: `urn:uuid:${uuidV5(`claim/${d.sha256}/${ev.cpStart}/${ev.cpEnd}/${subject.name}/${c.predicate}/${objectText}`)}`,
        ...base,
        target: targetFor(d, ev)
      })
    }
  }
  const key = projectKey(s)
  const texts = s.documents
    .filter((d) => used.has(d.id))
    .map((d) => ({
      id: `urn:sha256:${d.textSha256}`,
      type: 'Text',
      format: 'text/plain',
      ...(d.language ? { language: d.language } : {}),
      'dcterms:title': d.title,
      'dcterms:source': { id: `urn:sha256:${d.sha256}`, 'dcterms:format': d.mediaType, 'rwb:sourcePath': d.sourcePath },
      value: d.text
    }))
  return {
    '@context': [ANNO_CONTEXT, RWB_CONTEXT],
    id: `urn:uuid:${uuidV5(`${key}/annotations`)}`,
    type: 'AnnotationCollection',
    label: `Research Workbench mentions and claims: ${s.project.name}`,
    total: items.length,
    generated: s.exportedAt,
    generator: { id: 'urn:rwb:research-workbench', type: 'Software', name: 'Research Workbench' },
    'rwb:selectorsApplyTo': 'canonical-text',
    'rwb:note': SELECTORS_NOTE,
    'rwb:canonicalTexts': texts,
    first: {
      id: `urn:uuid:${uuidV5(`${key}/annotations/page/0`)}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items
    }
  }
}

export function toW3C(s: GraphSnapshot): string {
  return JSON.stringify(toW3CCollection(s), null, 2) + '\n'
}

export { collectAnnotations, entityTypeFor, parseW3CAnnotations, type ParsedAnnotations } from './w3cParse'
