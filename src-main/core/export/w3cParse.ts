// Reading W3C Web Annotation files (ours, or a reasonable subset of other
// tools') for import: mentions as AnnotationCandidates, and claims (an
// annotation with `rwb:claim`, as our export writes it) as ClaimCandidates.
// A target whose source is one of the file's own canonical texts
// (`rwb:canonicalTexts`) is read as its `dcterms:source`, the original file
// the project knows by its SHA-256; a target naming the file itself (files
// from earlier versions, other tools) is read as before. A "describing" or
// "assessing" annotation without `rwb:claim` is another tool's claim: listed
// as ignored, with the reason.
import { CLAIM_QUALIFIERS, CLAIM_STATUSES, ATTRIBUTION_ROLES, SOURCE_RELIABILITY } from '../../contract/claims'
import type { ClaimObject } from '../../contract/types'
import { CoreError } from '../app/errors'
import type { AnnotationCandidate, ClaimCandidate, NamedEntity } from './types'
import { ENTITY_TYPES } from '../../contract/vocabulary'

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
  claims: ClaimCandidate[]
  unresolved: { id: string; reason: string }[]
  /** Annotations that are not mentions (claims: motivation describing / assessing). */
  ignored: { id: string; reason: string }[]
  /** Whether the document was Web Annotation at all (false for unrelated JSON). */
  recognised: boolean
}

/** Reduces a Web Annotation document to import candidates; what cannot be used is reported with a reason. */
/** The file's own canonical texts: text urn → the original file's SHA-256 (lower-case hex). */
function canonicalTexts(root: unknown): Map<string, string> {
  const out = new Map<string, string>()
  if (!isObject(root)) return out
  for (const t of list(root['rwb:canonicalTexts'])) {
    if (!isObject(t)) continue
    const id = idOf(t)
    const src = t['dcterms:source']
    const file = typeof src === 'string' ? src : isObject(src) ? idOf(src) : null
    const m = file ? SHA_URN.exec(file) : null
    if (id && m) out.set(id.toLowerCase(), m[1]!.toLowerCase())
  }
  return out
}

type Placed = Pick<AnnotationCandidate, 'sha256' | 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>

/** Which document and where: the first target that names a document (or one of the file's texts) by its hash. */
function placeOf(targets: Json[], texts: Map<string, string>): Placed | string {
  const fileOf = (t: Json): string | null => {
    const src = (sourceOf(t) ?? '').toLowerCase()
    return texts.get(src) ?? (SHA_URN.test(src) ? SHA_URN.exec(src)![1]! : null)
  }
  const target = targets.find((t) => fileOf(t) !== null) ?? null
  if (!target) return `its target source (${sourceOf(targets[0]!) ?? 'none'}) is not a urn:sha256: document hash`
  const quote = selectorOf(target, 'TextQuoteSelector')
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') return 'it has no TextQuoteSelector to check the text against'
  const pos = selectorOf(target, 'TextPositionSelector')
  let start: number | null = null
  let end: number | null = null
  if (pos && Number.isSafeInteger(pos.start) && Number.isSafeInteger(pos.end) && (pos.start as number) >= 0 && (pos.end as number) > (pos.start as number)) {
    start = pos.start as number
    end = pos.end as number
  }
  return {
    sha256: fileOf(target)!,
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    start,
    end
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const oneOf = <T extends string | number>(allowed: readonly T[], v: unknown, fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback)

function named(name: unknown, type: unknown): NamedEntity | null {
  const n = str(name)?.trim()
  return n ? { name: n, type: entityTypeFor(str(type)) } : null
}

/** A ClaimCandidate from `rwb:claim`, or why it cannot be one. */
function claimOf(id: string, a: Json, c: Json, texts: Map<string, string>): ClaimCandidate | string {
  const subject = named(c['rwb:subjectName'], c['rwb:subjectType'])
  if (!subject) return 'its rwb:claim has no subject name'
  const predicate = str(c['rwb:predicate'])?.trim()
  if (!predicate) return 'its rwb:claim has no predicate'
  let object: ClaimCandidate['object']
  switch (c['rwb:valueKind']) {
    case 'entity': {
      const e = named(c['rwb:objectName'], c['rwb:objectType'])
      if (!e) return 'its rwb:claim has no object name'
      object = { kind: 'entity', entity: e }
      break
    }
    case 'money':
      object = { kind: 'money', amount: str(c['rwb:amount']) ?? '', currency: str(c['rwb:currency']) ?? '' }
      break
    case 'date':
      object = { kind: 'date', date: str(c['rwb:date']) ?? '' }
      break
    case 'number':
      object = { kind: 'number', value: str(c['rwb:number']) ?? '', unit: str(c['rwb:unit']) ?? '' }
      break
    case 'text':
      object = { kind: 'text', text: str(c['rwb:text']) ?? '' } as ClaimObject
      break
    default:
      return `its rwb:claim has an unknown value kind (${String(c['rwb:valueKind'])})`
  }
  const attribution: ClaimCandidate['attribution'] = []
  for (const step of list(c['rwb:attribution'])) {
    if (!isObject(step)) continue
    const source = named(step['rwb:sourceName'], step['rwb:sourceType'])
    if (source) attribution.push({ role: oneOf(ATTRIBUTION_ROLES, step['rwb:role'], 'reported by'), source })
  }
  const analystJudgement = c['rwb:analystJudgement'] === true
  const targets = list(a.target).filter(isObject)
  let placed: Placed | null = null
  if (targets.length > 0) {
    const p = placeOf(targets, texts)
    if (typeof p === 'string') return p
    placed = p
  } else if (!analystJudgement) return 'its claim has no passage and is not an analyst judgement'
  return {
    id,
    sha256: placed?.sha256 ?? null,
    exact: placed?.exact ?? '',
    prefix: placed?.prefix ?? '',
    suffix: placed?.suffix ?? '',
    start: placed?.start ?? null,
    end: placed?.end ?? null,
    subject,
    predicate,
    object,
    qualifier: oneOf(CLAIM_QUALIFIERS, c['rwb:qualifier'], 'exact'),
    status: oneOf(CLAIM_STATUSES, c['rwb:status'], 'unverified'),
    reliability: oneOf(SOURCE_RELIABILITY, c['rwb:reliability'], 'F'),
    credibility: oneOf([1, 2, 3, 4, 5, 6] as const, c['rwb:credibility'], 6),
    analystJudgement,
    attribution,
    notes: str(c['rwb:note']) ?? ''
  }
}

export function parseW3CAnnotations(root: unknown): ParsedAnnotations {
  const annotations = collectAnnotations(root)
  const texts = canonicalTexts(root)
  const candidates: AnnotationCandidate[] = []
  const claims: ClaimCandidate[] = []
  const unresolved: { id: string; reason: string }[] = []
  const ignored: { id: string; reason: string }[] = []
  annotations.forEach((a, i) => {
    const id = idOf(a) ?? `annotation #${i + 1}`
    const fail = (reason: string) => unresolved.push({ id, reason })
    const motivations = list(a.motivation).filter((m): m is string => typeof m === 'string').map((m) => m.replace(/^oa:/, ''))
    const names = ['tagging', 'identifying', 'classifying']
    if (isObject(a['rwb:claim'])) {
      const claim = claimOf(id, a, a['rwb:claim'], texts)
      if (typeof claim === 'string') fail(claim)
      else claims.push(claim)
      return
    }
    if (motivations.some((m) => m === 'describing' || m === 'assessing') && !motivations.some((m) => names.includes(m))) {
      ignored.push({ id, reason: `a ${motivations.join('/')} annotation (a claim) without rwb:claim, not a mention` })
      return
    }

    // The target: the first one that names a document by its hash.
    const targets = list(a.target).filter(isObject)
    if (targets.length === 0) return fail('it has no target with selectors')
    const placed = placeOf(targets, texts)
    if (typeof placed === 'string') return fail(placed)
    const { sha256, exact, prefix, suffix, start, end } = placed

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
    const entityName = (name ?? exact).trim()
    if (!entityName) return fail('its entity name is empty')
    if (entityName.length > 500) return fail('its entity name is longer than 500 characters')

    candidates.push({ id, sha256, exact, prefix, suffix, start, end, entityName, entityType: entityTypeFor(type) })
  })
  return { candidates, claims, unresolved, ignored, recognised: annotations.recognised === true }
}
