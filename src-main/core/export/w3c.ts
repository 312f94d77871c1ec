// W3C Web Annotation (JSON-LD) for mentions: export, and reading such files
// back (ours, or a reasonable subset of other tools') for import.
//
// Export: one AnnotationCollection with every mention as an Annotation in its
// first (embedded) AnnotationPage:
//   motivation "identifying", bodies: the entity's name (TextualBody,
//   purpose "tagging"), its type key (TextualBody, purpose "classifying") and
//   its id (SpecificResource, purpose "identifying", `urn:uuid:` derived from
//   the project and entity, the same uuid as the FtM export's `rwb-<uuid>`);
//   target: source `urn:sha256:<hex>` (SHA-256 of the document file's bytes),
//   a TextQuoteSelector {exact, prefix, suffix} and a TextPositionSelector
//   {start, end}.
// TextPositionSelector offsets count Unicode code points, as the standard
// says (converted from the project's UTF-16 offsets), and both selectors
// apply to the document's canonical text (the text Research Workbench
// extracted from the file, NFC), not to the file's raw bytes: the collection
// says so in `rwb:selectorsApplyTo`, and so does every target.
// Annotation ids are name-based UUIDs of the document hash, span and entity,
// so exporting twice, or from two projects holding the same tag, gives the
// same id. Claims are annotations with motivation "describing" (one per
// passage); the importer reads mentions only and lists claims as ignored.
import { CoreError } from '../app/errors'
import { projectKey, uuidV5 } from './common'
import type { AnnotationCandidate, GraphSnapshot, SnapshotDocument } from './types'
import { ENTITY_TYPES } from '../../contract/vocabulary'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export const SELECTORS_NOTE =
  "Selectors apply to the document's canonical text: the text Research Workbench extracted from the file identified by target.source " +
  '(Unicode NFC), not to its raw bytes. TextPositionSelector start/end count Unicode code points.'

export function entityUrn(s: GraphSnapshot, entityId: number): string {
  return `urn:uuid:${uuidV5(`${projectKey(s)}/entity/${entityId}`)}`
}

export function mentionUrn(sha256: string, start: number, end: number, type: string, name: string): string {
  return `urn:uuid:${uuidV5(`mention/${sha256}/${start}/${end}/${type}/${name}`)}`
}

function targetFor(d: SnapshotDocument, span: { quote: string; prefix: string; suffix: string; cpStart?: number; cpEnd?: number }): Record<string, unknown> {
  if (span.cpStart === undefined || span.cpEnd === undefined) {
    throw new Error('W3C export needs code-point offsets: read the snapshot with codePoints: true')
  }
  return {
    source: `urn:sha256:${d.sha256}`,
    'rwb:sourcePath': d.sourcePath,
    'rwb:documentTitle': d.title,
    'rwb:selectorsApplyTo': 'canonical-text',
    selector: [
      { type: 'TextQuoteSelector', exact: span.quote, prefix: span.prefix, suffix: span.suffix },
      { type: 'TextPositionSelector', start: span.cpStart, end: span.cpEnd }
    ]
  }
}

export function toW3CCollection(s: GraphSnapshot): Record<string, unknown> {
  const docs = new Map(s.documents.map((d) => [d.id, d]))
  const entities = new Map(s.entities.map((e) => [e.id, e]))
  const items: Record<string, unknown>[] = []
  for (const m of s.mentions) {
    const d = docs.get(m.documentId)
    const e = entities.get(m.entityId)
    if (!d || !e) continue
    const target = targetFor(d, m)
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
      target
    })
  }
  // Claims: one "describing" annotation per passage, the statement as its
  // text, the grade as an "assessing" body, subject (and object entity) linked.
  for (const c of s.claims) {
    const subject = entities.get(c.subjectId)
    if (!subject) continue
    const object = c.objectId !== null ? entities.get(c.objectId) : undefined
    const objectText = object?.name ?? c.objectText ?? ''
    for (const ev of c.evidence) {
      const d = docs.get(ev.documentId)
      if (!d) continue
      const target = targetFor(d, ev)
      const body: Record<string, unknown>[] = [
        { type: 'TextualBody', purpose: 'describing', value: `${subject.name} — ${c.predicate} — ${objectText}`, format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'identifying', source: entityUrn(s, subject.id) }
      ]
      if (object) body.push({ type: 'SpecificResource', purpose: 'linking', source: entityUrn(s, object.id) })
      if (c.grade) body.push({ type: 'TextualBody', purpose: 'assessing', value: c.grade, format: 'text/plain' })
      items.push({
        id: `urn:uuid:${uuidV5(`claim/${d.sha256}/${ev.cpStart}/${ev.cpEnd}/${subject.name}/${c.predicate}/${objectText}`)}`,
        type: 'Annotation',
        motivation: 'describing',
        'rwb:claim': { subject: subject.name, predicate: c.predicate, object: objectText, grade: c.grade },
        body,
        target
      })
    }
  }
  const key = projectKey(s)
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${uuidV5(`${key}/annotations`)}`,
    type: 'AnnotationCollection',
    label: `Research Workbench mentions: ${s.project.name}`,
    total: items.length,
    generated: s.exportedAt,
    generator: { id: 'urn:rwb:research-workbench', type: 'Software', name: 'Research Workbench' },
    'rwb:selectorsApplyTo': 'canonical-text',
    'rwb:note': SELECTORS_NOTE,
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

// ---- reading ---------------------------------------------------------------

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]
}

function typesOf(o: Json): string[] {
  return list(o.type ?? o['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(oa|as):/, ''))
}

function idOf(o: Json): string | null {
  const id = o.id ?? o['@id']
  return typeof id === 'string' ? id : null
}

/**
 * Every Annotation in a file: a collection (with embedded pages), a page, an
 * array, an @graph, or one annotation. `recognised` says whether anything in
 * it was Web Annotation at all (an empty collection is, `{}` is not).
 */
export function collectAnnotations(root: unknown): Json[] & { recognised?: boolean } {
  const out: Json[] & { recognised?: boolean } = []
  out.recognised = false
  const seen = new Set<unknown>()
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || seen.has(node)) return
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1)
      return
    }
    if (!isObject(node)) return
    seen.add(node)
    const types = typesOf(node)
    if (types.some((t) => t === 'Annotation' || t === 'AnnotationCollection' || t === 'AnnotationPage')) out.recognised = true
    if (types.includes('Annotation')) {
      out.push(node)
      return
    }
    if (types.includes('AnnotationCollection')) {
      if (typeof node.first === 'string') {
        throw new CoreError('IMPORT_FAILED', 'The annotation collection does not embed its pages (its "first" page is only a link).')
      }
      visit(node.first, depth + 1)
      return
    }
    if (types.includes('AnnotationPage')) {
      visit(node.items, depth + 1)
      if (isObject(node.next)) visit(node.next, depth + 1)
      return
    }
    if (node['@graph'] !== undefined) visit(node['@graph'], depth + 1)
    else if (node.items !== undefined) visit(node.items, depth + 1)
  }
  visit(root, 0)
  return out
}

const TYPE_ALIASES: Record<string, string> = {
  per: 'Person',
  person: 'Person',
  people: 'Person',
  org: 'Organization',
  organisation: 'Organization',
  organization: 'Organization',
  company: 'Company',
  corporation: 'Company',
  publicbody: 'PublicBody',
  'public body': 'PublicBody',
  government: 'PublicBody',
  loc: 'Location',
  location: 'Location',
  place: 'Location',
  gpe: 'Location',
  money: 'Money',
  date: 'Date',
  time: 'Date',
  event: 'Event',
  product: 'Technology',
  technology: 'Technology',
  source: 'Source'
}

/** An entity type key for a classifying body's value: ours as is, common NER labels mapped, others kept. */
export function entityTypeFor(value: string | null): string {
  const v = (value ?? '').trim()
  if (!v) return 'Other'
  const known = ENTITY_TYPES.find((t) => t.key.toLowerCase() === v.toLowerCase() || t.label.toLowerCase() === v.toLowerCase())
  if (known) return known.key
  const alias = TYPE_ALIASES[v.toLowerCase()]
  if (alias) return alias
  return v.length <= 60 ? v : 'Other'
}

function selectorOf(target: Json, type: string): Json | null {
  for (const s of list(target.selector)) {
    if (isObject(s) && typesOf(s).includes(type)) return s
  }
  return null
}

const SHA_URN = /^urn:sha256:([0-9a-f]{64})$/i

function sourceOf(target: Json): string | null {
  const src = target.source
  if (typeof src === 'string') return src
  if (isObject(src)) return idOf(src)
  return null
}

export interface ParsedAnnotations {
  candidates: AnnotationCandidate[]
  unresolved: { id: string; reason: string }[]
  /** Annotations that are not mentions (claims: motivation describing / assessing). */
  ignored: { id: string; reason: string }[]
  /** Whether the document was Web Annotation at all (false for unrelated JSON). */
  recognised: boolean
}

/** Reduces a Web Annotation document to import candidates; what cannot be used is reported with a reason. */
export function parseW3CAnnotations(root: unknown): ParsedAnnotations {
  const annotations = collectAnnotations(root)
  const candidates: AnnotationCandidate[] = []
  const unresolved: { id: string; reason: string }[] = []
  const ignored: { id: string; reason: string }[] = []
  annotations.forEach((a, i) => {
    const id = idOf(a) ?? `annotation #${i + 1}`
    const fail = (reason: string) => unresolved.push({ id, reason })
    const motivations = list(a.motivation).filter((m): m is string => typeof m === 'string').map((m) => m.replace(/^oa:/, ''))
    const names = ['tagging', 'identifying', 'classifying']
    if (motivations.some((m) => m === 'describing' || m === 'assessing') && !motivations.some((m) => names.includes(m))) {
      ignored.push({ id, reason: `a ${motivations.join('/')} annotation (a claim), not a mention` })
      return
    }

    // The target: the first one that names a document by its hash.
    const targets = list(a.target).filter(isObject)
    if (targets.length === 0) return fail('it has no target with selectors')
    const target = targets.find((t) => SHA_URN.test(sourceOf(t) ?? '')) ?? null
    if (!target) return fail(`its target source (${sourceOf(targets[0]!) ?? 'none'}) is not a urn:sha256: document hash`)
    const sha256 = SHA_URN.exec(sourceOf(target)!)![1]!.toLowerCase()

    const quote = selectorOf(target, 'TextQuoteSelector')
    if (!quote || typeof quote.exact !== 'string' || quote.exact === '') {
      return fail('it has no TextQuoteSelector to check the text against')
    }
    const pos = selectorOf(target, 'TextPositionSelector')
    let start: number | null = null
    let end: number | null = null
    if (pos && Number.isSafeInteger(pos.start) && Number.isSafeInteger(pos.end) && (pos.start as number) >= 0 && (pos.end as number) > (pos.start as number)) {
      start = pos.start as number
      end = pos.end as number
    }

    // The entity: a tagging or identifying body's text, a classifying body's
    // type. A body without a purpose has the annotation's motivation.
    let name: string | null = null
    let type: string | null = null
    const bodies = [...list(a.body), ...(typeof a.bodyValue === 'string' ? [{ type: 'TextualBody', value: a.bodyValue }] : [])]
    for (const b of bodies) {
      if (!isObject(b)) continue
      const value = typeof b.value === 'string' ? b.value : typeof b.chars === 'string' ? b.chars : null
      if (value === null || value.trim() === '') continue
      let purposes = list(b.purpose).filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^oa:/, ''))
      if (purposes.length === 0) purposes = motivations
      if (purposes.includes('classifying')) type ??= value
      else if (purposes.includes('tagging') || purposes.includes('identifying') || purposes.length === 0) name ??= value
    }
    const entityName = (name ?? quote.exact).trim()
    if (!entityName) return fail('its entity name is empty')
    if (entityName.length > 500) return fail('its entity name is longer than 500 characters')

    candidates.push({
      id,
      sha256,
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
      start,
      end,
      entityName,
      entityType: entityTypeFor(type)
    })
  })
  return { candidates, unresolved, ignored, recognised: annotations.recognised === true }
}
