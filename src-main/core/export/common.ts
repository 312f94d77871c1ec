// What the graph formats (GraphML, GEXF, Cytoscape, CSV) share: nodes and
// edges derived from a snapshot, the attributes every one of them declares
// (one table, so the formats cannot drift apart), XML escaping, stable ids
// and a starting layout.
//
// Each claim and judgement is its own edge with a stable id (`c<id>`), a
// `kind` and a `weight`, so a reader that merges parallel edges by default
// (Gephi) can be told not to, and a link and a claim between the same two
// entities stay two edges. Value claims (money, dates, ...) have no second
// entity: they are attributes of their subject.
import { createHash } from 'node:crypto'
import { entityType } from '../../contract/vocabulary'
import { attributionText, claimKind, gradeMeaning, valueText, type CoMention, type ModelClaim } from './claimModel'
import type { GraphSnapshot } from './types'

export interface GraphNode {
  /** `e<entity id>` */
  id: string
  entityId: number
  label: string
  /** The entity type's key (Person, Company, ...). */
  type: string
  typeLabel: string
  color: string
  mentions: number
  notes: string
  aliases: string[]
  /** The entity's value claims (money, dates, numbers, text): attributes of their subject. */
  values: ModelClaim[]
}

export type AttrType = 'string' | 'int' | 'double' | 'boolean'
export type AttrValue = string | number | boolean

/** A declared attribute of the graph formats: its name, type and how to read it. */
export interface AttrDef<T> {
  name: string
  type: AttrType
  of: (x: T) => AttrValue | undefined
}

export interface GraphEdge {
  /** `c<claim id>` for a claim or judgement, `m<a>-<b>` for a co-mention. */
  id: string
  source: string
  target: string
  sourceLabel: string
  targetLabel: string
  /** What to show on the edge: the claim's predicate; "co-mentioned" for a co-mention. */
  label: string
  /** claim / judgement (an explicit analyst judgement) / co-mention (same paragraph, not a claim). */
  kind: 'claim' | 'judgement' | 'co-mention'
  /** "claim" for claims and judgements (as before this model), "co-mention" otherwise. */
  category: 'claim' | 'co-mention'
  /** Number of passages (a judgement without one weighs 1; a co-mention: its paragraphs). */
  weight: number
  directed: boolean
  claim: ModelClaim | null
  coMention: CoMention | null
}

export function nodeId(entityId: number): string {
  return `e${entityId}`
}

const jsonPassages = (c: ModelClaim) => c.evidence.map((p) => ({ document: p.documentId, start: p.start, end: p.end, quote: p.quote }))

/** A value claim as plain JSON (the `values` attribute of its subject). */
export function valueClaimJson(c: ModelClaim): Record<string, unknown> {
  return {
    claim: c.key,
    predicate: c.predicate,
    value: c.object,
    qualifier: c.qualifier,
    status: c.status,
    reliability: c.reliability,
    credibility: c.credibility,
    attribution: c.attribution,
    analyst_judgement: c.analystJudgement,
    passages: jsonPassages(c),
    note: c.notes
  }
}

/** Node attributes every graph format declares, in order. */
export const NODE_ATTRS: AttrDef<GraphNode>[] = [
  { name: 'label', type: 'string', of: (n) => n.label },
  { name: 'type', type: 'string', of: (n) => n.type },
  { name: 'type_label', type: 'string', of: (n) => n.typeLabel },
  { name: 'color', type: 'string', of: (n) => n.color },
  { name: 'mentions', type: 'int', of: (n) => n.mentions },
  { name: 'notes', type: 'string', of: (n) => n.notes },
  { name: 'entity_id', type: 'int', of: (n) => n.entityId },
  { name: 'aliases', type: 'string', of: (n) => n.aliases.join(' | ') },
  { name: 'value_claims', type: 'string', of: (n) => (n.values.length ? JSON.stringify(n.values.map(valueClaimJson)) : undefined) }
]

const ofClaim = <R extends AttrValue>(f: (c: ModelClaim) => R) => (e: GraphEdge) => (e.claim ? f(e.claim) : undefined)

/** Edge attributes every graph format declares, in order; a co-mention has only the first ones. */
export const EDGE_ATTRS: AttrDef<GraphEdge>[] = [
  { name: 'label', type: 'string', of: (e) => e.label },
  { name: 'kind', type: 'string', of: (e) => e.kind },
  { name: 'weight', type: 'double', of: (e) => e.weight },
  // "type" and "category" as before this model: "claim" for every claim and judgement.
  { name: 'type', type: 'string', of: (e) => e.category },
  { name: 'category', type: 'string', of: (e) => e.category },
  { name: 'predicate', type: 'string', of: ofClaim((c) => c.predicate) },
  { name: 'claim_id', type: 'int', of: ofClaim((c) => c.id) },
  { name: 'status', type: 'string', of: ofClaim((c) => c.status) },
  { name: 'reliability', type: 'string', of: ofClaim((c) => c.reliability) },
  { name: 'credibility', type: 'int', of: ofClaim((c) => c.credibility) },
  { name: 'grade', type: 'string', of: ofClaim((c) => c.grade) },
  { name: 'grade_meaning', type: 'string', of: ofClaim((c) => gradeMeaning(c)) },
  { name: 'attribution', type: 'string', of: ofClaim((c) => attributionText(c)) },
  { name: 'analyst_judgement', type: 'boolean', of: ofClaim((c) => c.analystJudgement) },
  { name: 'passages', type: 'int', of: ofClaim((c) => c.evidence.length) },
  { name: 'document_ids', type: 'string', of: (e) => (e.claim ? [...new Set(e.claim.evidence.map((p) => p.documentId))] : e.coMention!.documentIds).join(' ') },
  { name: 'quotes', type: 'string', of: ofClaim((c) => c.evidence.map((p) => p.quote).join(' | ')) },
  { name: 'note', type: 'string', of: ofClaim((c) => c.notes) }
]

/**
 * The attribute name of a value predicate: "value:" + the predicate with
 * anything but letters, digits, "." "-" "_" made "_" ("value:awarded_contract_to"),
 * because GraphML's attr.name must be an XML name token.
 */
export function valueAttrName(predicate: string): string {
  return `value:${predicate.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`
}

/** The attributes for value claims, one per predicate; each claim in full is in `value_claims` (JSON). */
export function valueAttrNames(nodes: GraphNode[]): string[] {
  const names = new Set<string>()
  for (const n of nodes) for (const c of n.values) names.add(valueAttrName(c.predicate))
  return [...names].sort()
}

/** A node's text for one value attribute: "up to 29000000000 USD (refuted, B2)", several joined by " | ". */
export function valueAttr(n: GraphNode, name: string): string | undefined {
  const hits = n.values.filter((c) => valueAttrName(c.predicate) === name)
  return hits.length ? hits.map((c) => `${valueText(c)} (${c.status}, ${c.grade})`).join(' | ') : undefined
}

export function graphOf(s: GraphSnapshot): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const values = new Map<number, ModelClaim[]>()
  for (const c of s.claims) {
    if (c.objectId !== null) continue
    let l = values.get(c.subjectId)
    if (!l) values.set(c.subjectId, (l = []))
    l.push(c)
  }
  const nodes = s.entities.map<GraphNode>((e) => {
    const t = entityType(e.type)
    return {
      id: nodeId(e.id),
      entityId: e.id,
      label: e.name,
      type: e.type,
      typeLabel: t.label,
      color: t.color,
      mentions: e.mentionCount,
      notes: e.notes,
      aliases: e.aliases ?? [],
      values: values.get(e.id) ?? []
    }
  })
  const names = new Map(s.entities.map((e) => [e.id, e.name]))
  const edges: GraphEdge[] = []
  for (const c of s.claims) {
    if (c.objectId === null || !names.has(c.subjectId) || !names.has(c.objectId)) continue
    edges.push({
      id: c.key,
      source: nodeId(c.subjectId),
      target: nodeId(c.objectId),
      sourceLabel: names.get(c.subjectId)!,
      targetLabel: names.get(c.objectId)!,
      label: c.predicate,
      kind: claimKind(c),
      category: 'claim',
      weight: Math.max(1, c.evidence.length),
      directed: true,
      claim: c,
      coMention: null
    })
  }
  for (const m of s.coMentions ?? []) {
    if (!names.has(m.a) || !names.has(m.b)) continue
    edges.push({
      id: m.key,
      source: nodeId(m.a),
      target: nodeId(m.b),
      sourceLabel: names.get(m.a)!,
      targetLabel: names.get(m.b)!,
      label: 'co-mentioned',
      kind: 'co-mention',
      category: 'co-mention',
      weight: m.paragraphs,
      // A co-mention has no direction, but networkx refuses an undirected edge in a directed graph: lower id first.
      directed: true,
      claim: null,
      coMention: m
    })
  }
  return { nodes, edges }
}

// ---- XML ----------------------------------------------------------------

/**
 * Removes what XML 1.0 forbids anywhere in a document: C0 controls other than
 * tab, line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
export function stripXmlForbidden(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;'
}

/** Escapes a string for an attribute value (tabs and line breaks survive attribute normalisation). */
export function xmlAttr(value: string | number): string {
  return stripXmlForbidden(String(value)).replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c]!)
}

/** Escapes a string for element content (a carriage return survives line-end normalisation). */
export function xmlText(value: string | number): string {
  return stripXmlForbidden(String(value)).replace(/[&<>"'\r]/g, (c) => XML_ESCAPES[c]!)
}

// ---- ids and layout -------------------------------------------------------

/** The namespace of Research Workbench's name-based (version 5) UUIDs. */
const RWB_UUID_NAMESPACE = '764a251d-38f8-496d-859b-da7c2da4400f'

/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function uuidV5(name: string, namespace = RWB_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex')
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16)
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** What ids derived from this project are keyed on: its creation time (stable across renames). */
export function projectKey(s: GraphSnapshot): string {
  return s.project.createdAt ?? `name:${s.project.name}`
}

/**
 * A starting position on concentric circles, so a tool that honours stored
 * positions (yEd, Cytoscape) does not pile every node on one point before the
 * analyst runs a layout.
 */
export function ringPosition(index: number): { x: number; y: number } {
  if (index === 0) return { x: 0, y: 0 }
  let ring = 1
  let first = 1
  while (index >= first + ring * 8) {
    first += ring * 8
    ring++
  }
  const slots = ring * 8
  const angle = ((index - first) / slots) * 2 * Math.PI
  const r = ring * 120
  return { x: Math.round(r * Math.cos(angle) * 10) / 10, y: Math.round(r * Math.sin(angle) * 10) / 10 }
}

/** A vocabulary colour (#rrggbb) as numbers. */
export function rgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return { r: 73, g: 80, b: 87 }
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) }
}
