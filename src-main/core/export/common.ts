// What the graph formats (GraphML, GEXF, Cytoscape, CSV) share: nodes and
// edges derived from a snapshot, XML escaping, stable ids and a starting layout.
import { createHash } from 'node:crypto'
import { entityType } from '../../contract/vocabulary'
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
}

export interface GraphEdge {
  /** `c<claim id>` (links are analyst-judgement claims since schema 0006) */
  id: string
  source: string
  target: string
  sourceLabel: string
  targetLabel: string
  /** What to show on the edge: the claim's predicate (a link's label, or its type's verb, as migrated). */
  label: string
  /** The statement the edge makes ("awarded contract to"); a claim's predicate. */
  predicate: string
  /** Always "claim" (before schema 0006, a link's type key). */
  type: string
  /** A claim's grade; empty for ungraded claims. */
  grade: string
  category: 'claim'
}

export function nodeId(entityId: number): string {
  return `e${entityId}`
}

export function graphOf(s: GraphSnapshot): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = s.entities.map<GraphNode>((e) => {
    const t = entityType(e.type)
    return { id: nodeId(e.id), entityId: e.id, label: e.name, type: e.type, typeLabel: t.label, color: t.color, mentions: e.mentionCount, notes: e.notes }
  })
  const names = new Map(s.entities.map((e) => [e.id, e.name]))
  const edges: GraphEdge[] = []
  for (const c of s.claims) {
    if (c.objectId === null || !names.has(c.subjectId) || !names.has(c.objectId)) continue
    edges.push({
      id: `c${c.id}`,
      source: nodeId(c.subjectId),
      target: nodeId(c.objectId),
      sourceLabel: names.get(c.subjectId)!,
      targetLabel: names.get(c.objectId)!,
      label: c.predicate,
      predicate: c.predicate,
      type: 'claim',
      grade: c.grade ?? '',
      category: 'claim'
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
