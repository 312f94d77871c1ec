// "Claims as nodes" (the link-chart style of i2): each claim is a small node
// labelled with its predicate and grade, drawn subject → claim → object (or
// → a value node such as "up to 29,000,000,000 USD"), and each source of its
// attribution chain → claim, the edge labelled with its role ("reported by",
// "according to"). So the map shows who says what about whom, and on whose
// word. Pure, unit-tested; the map's setting `mode` picks it (useMapData).
//
// Trade-offs: one node per claim, not per group of like claims, because each
// claim has its own sources and grade (the entity view groups them). Claim
// and value nodes are not entities: they have no saved places (MapPosition
// is per entity) and are placed by the layout, or beside their subject.
// Links (analyst judgements without a passage) stay entity-to-entity edges.
import type { ElementDefinition } from 'cytoscape'
import { credibilityRank, gradeClassOf, isLink, type MapClaim } from './edgesFromClaims'

/** Claim node colours by grade class, shared with the legend. */
export const CLAIM_NODE_COLOR = { strong: '#1f2328', weak: '#8c959f', disputed: '#c92a2a' } as const
export const VALUE_NODE_COLOR = '#d4a72c'

/** "valuation · B2": what a claim node says. */
export function claimNodeLabel(c: Pick<MapClaim, 'predicate' | 'reliability' | 'credibility'>): string {
  return `${c.predicate.trim()} · ${c.reliability}${credibilityRank(c.credibility)}`
}

/** A value as the claim means it: "up to 29,000,000,000 USD". */
export function valueText(c: Pick<MapClaim, 'objectLabel' | 'qualifier'>): string {
  const v = c.objectLabel.trim() || '?'
  return c.qualifier && c.qualifier !== 'exact' ? `${c.qualifier} ${v}` : v
}

/** Ids of the parts of claim `id`'s drawing (stable: the same claim keeps its node across renders). */
export const claimNodeId = (id: number) => `q${id}`

/**
 * The claim nodes and their edges for `claims` whose subject is shown
 * (`shown`: entity ids on the map). Sources not on the map are left out.
 */
export function claimNodeElements(claims: readonly MapClaim[], shown: ReadonlySet<number>): ElementDefinition[] {
  const out: ElementDefinition[] = []
  const sorted = [...claims].sort((a, b) => a.id - b.id)
  for (const c of sorted) {
    if (isLink(c) || !shown.has(c.subjectId)) continue
    const q = claimNodeId(c.id)
    const grade = `${c.reliability}${credibilityRank(c.credibility)}`
    const gradeClass = gradeClassOf([c])
    const label = claimNodeLabel(c)
    out.push({
      group: 'nodes',
      classes: `claimnode grade-${gradeClass}`,
      data: { id: q, claimId: c.id, claimIds: [c.id], subjectId: c.subjectId, objectId: c.objectId, label, display: label, type: 'Claim', typeKey: 'claim', color: CLAIM_NODE_COLOR[gradeClass], size: 16, grade, gradeClass }
    })
    out.push({ group: 'edges', classes: 'claimpart', data: { id: `${q}-s`, source: `e${c.subjectId}`, target: q, label: '', display: '', claimIds: [c.id] } })
    if (c.objectId !== null && shown.has(c.objectId)) {
      out.push({ group: 'edges', classes: 'claimpart', data: { id: `${q}-o`, source: q, target: `e${c.objectId}`, label: '', display: '', claimIds: [c.id] } })
    } else {
      // A value (money, date, text), or an entity the filters hide: a value node with the object as the analyst reads it.
      const v = `${q}-v`
      const text = c.objectId === null ? valueText(c) : c.objectLabel.trim() || '?'
      out.push({ group: 'nodes', classes: 'valuenode', data: { id: v, claimIds: [c.id], label: text, display: text, type: 'Value', typeKey: 'value', color: VALUE_NODE_COLOR, size: 12 } })
      out.push({ group: 'edges', classes: 'claimpart', data: { id: `${q}-o`, source: q, target: v, label: '', display: '', claimIds: [c.id] } })
    }
    const seen = new Set<number>()
    ;(c.attribution ?? []).forEach((a) => {
      // The subject or object as their own source is already linked; a source named twice is drawn once.
      if (!shown.has(a.entityId) || seen.has(a.entityId)) return
      seen.add(a.entityId)
      out.push({ group: 'edges', classes: 'attribution', data: { id: `${q}-a${a.entityId}`, source: `e${a.entityId}`, target: q, label: a.role, display: a.role, role: a.role, claimIds: [c.id] } })
    })
  }
  return out
}

/**
 * Value claims of each entity as lines under its name (entity view):
 * "valuation: up to 29,000,000,000 USD", best grade first, at most `max`
 * lines and a "+n more".
 */
export function valueLines(claims: readonly MapClaim[], max = 2): Map<number, string[]> {
  const by = new Map<number, MapClaim[]>()
  for (const c of claims) {
    if (c.objectId !== null || isLink(c)) continue
    const list = by.get(c.subjectId)
    if (list) list.push(c)
    else by.set(c.subjectId, [c])
  }
  const out = new Map<number, string[]>()
  for (const [id, list] of by) {
    list.sort((a, b) => a.reliability.localeCompare(b.reliability) || credibilityRank(a.credibility) - credibilityRank(b.credibility) || a.id - b.id)
    const lines = list.slice(0, max).map((c) => `${c.predicate.trim()}: ${valueText(c)}`)
    if (list.length > max) lines.push(`+${list.length - max} more`)
    out.set(id, lines)
  }
  return out
}
