// What a named map shows: its filters applied to the project's entities,
// claims (links are claims: analyst judgements without a passage) and
// co-mentions. Pure, so it is unit-tested without a browser.
//
// Links are shown with settings.showLinks, every other claim with
// settings.showClaims. Grade, status, date and predicate filters treat a link
// like any claim; a link has no document, so the documents filter narrows its
// ends (the entities) but never hides the link itself, as it did when links
// were their own table.
//
// Order: claims are filtered first (predicate, minimum grade, status, date,
// documents); then entities (type, documents); then edges between the
// entities kept; then the focus (an entity and what lies within 1–3 edges of
// it); then isolated nodes are dropped if asked (in claims as nodes, an
// entity linked only to claims, as their subject or source, is not isolated).
import type { CoMention, Entity, EntityDocument, MapFilters, MapSettings } from '@contract/types'
import { edgesFromClaims, isDisputed, isLink, meetsMinGrade, predicateKey, type ClaimEdgeGroup, type MapClaim } from './edgesFromClaims'

export interface MapData {
  entities: Entity[]
  claims: MapClaim[]
  coMentions: CoMention[]
  entityDocuments: EntityDocument[]
  /** Published date (YYYY-MM-DD) of each document that has one. */
  documentDates: Map<number, string>
}

export interface FilteredMap {
  entities: Entity[]
  claimEdges: ClaimEdgeGroup[]
  coMentions: CoMention[]
  /** The claims left after the filters (every claim behind `claimEdges`, and claims about values). */
  claims: MapClaim[]
  /** Edges per entity among what is shown. */
  degree: Map<number, number>
}

/** A date-like string as YYYY-MM-DD, or null: "2025-03-01T…", "2025-03", "March 1, 2025". */
export function isoDay(s: string | null | undefined): string | null {
  if (!s) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s.trim())
  if (m) return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

/** When a claim was made: its document's publication date, else the day it was recorded. */
export function claimDate(c: MapClaim, documentDates: Map<number, string>): string | null {
  return (c.documentId !== null ? documentDates.get(c.documentId) : undefined) ?? isoDay(c.createdAt)
}

export function filterClaims(claims: readonly MapClaim[], f: MapFilters, documentDates: Map<number, string>): MapClaim[] {
  const predicates = f.predicates ? new Set(f.predicates.map(predicateKey)) : null
  const statuses = f.statuses ? new Set(f.statuses) : null
  const docs = f.documentIds ? new Set(f.documentIds) : null
  return claims.filter((c) => {
    if (predicates && !predicates.has(predicateKey(c.predicate))) return false
    if (!meetsMinGrade(c, f.minGrade)) return false
    if (statuses && !statuses.has(c.status)) return false
    if (docs && !isLink(c) && (c.documentId === null || !docs.has(c.documentId))) return false
    if (f.dateFrom || f.dateTo) {
      const d = claimDate(c, documentDates)
      if (!d) return false
      if (f.dateFrom && d < f.dateFrom) return false
      if (f.dateTo && d > f.dateTo) return false
    }
    return true
  })
}

/** Entity ids within `hops` edges of `start` (both directions), `start` included. */
export function neighbourhood(start: number, hops: number, edges: Iterable<[number, number]>): Set<number> {
  const adj = new Map<number, number[]>()
  const link = (a: number, b: number) => {
    let l = adj.get(a)
    if (!l) adj.set(a, (l = []))
    l.push(b)
  }
  for (const [a, b] of edges) {
    link(a, b)
    link(b, a)
  }
  const seen = new Set([start])
  let frontier = [start]
  for (let h = 0; h < hops && frontier.length; h++) {
    const next: number[] = []
    for (const n of frontier)
      for (const m of adj.get(n) ?? [])
        if (!seen.has(m)) {
          seen.add(m)
          next.push(m)
        }
    frontier = next
  }
  return seen
}

export function applyFilters(data: MapData, f: MapFilters, s: MapSettings): FilteredMap {
  const drawn = data.claims.filter((c) => (isLink(c) ? s.showLinks : s.showClaims))
  const claims = filterClaims(drawn, f, data.documentDates)
  // Co-mentions have no grade, status, date or predicate: those filters hide them.
  const gradedOnly = !!(f.minGrade || f.statuses || f.dateFrom || f.dateTo)
  const predicates = f.predicates ? new Set(f.predicates.map(predicateKey)) : null

  // Entities: by type, then by document (mentioned there, or party to a claim said there).
  const types = f.entityTypes ? new Set(f.entityTypes) : null
  let inDocs: Set<number> | null = null
  if (f.documentIds) {
    const docs = new Set(f.documentIds)
    inDocs = new Set(data.entityDocuments.filter((d) => docs.has(d.documentId)).map((d) => d.entityId))
    for (const c of claims) {
      if (isLink(c)) continue
      inDocs.add(c.subjectId)
      if (c.objectId !== null) inDocs.add(c.objectId)
    }
  }
  let kept = new Set(data.entities.filter((e) => (!types || types.has(e.type)) && (!inDocs || inDocs.has(e.id))).map((e) => e.id))

  const edgesAmong = (ids: Set<number>) => {
    const claimEdges = edgesFromClaims(claims.filter((c) => ids.has(c.subjectId) && c.objectId !== null && ids.has(c.objectId)))
    const coMentions = s.showCoMentions && !gradedOnly && !predicates ? data.coMentions.filter((c) => ids.has(c.a) && ids.has(c.b)) : []
    return { claimEdges, coMentions }
  }
  const pairs = (e: ReturnType<typeof edgesAmong>): [number, number][] => [
    ...e.claimEdges.map((c): [number, number] => [c.sourceId, c.targetId]),
    ...e.coMentions.map((c): [number, number] => [c.a, c.b])
  ]

  let edges = edgesAmong(kept)
  if (f.focus && data.entities.some((e) => e.id === f.focus!.entityId)) {
    // The focused entity stays even if another filter would hide it.
    kept.add(f.focus.entityId)
    edges = edgesAmong(kept)
    kept = neighbourhood(f.focus.entityId, f.focus.hops, pairs(edges))
    edges = edgesAmong(kept)
  }

  const degree = new Map<number, number>()
  for (const [a, b] of pairs(edges)) {
    degree.set(a, (degree.get(a) ?? 0) + 1)
    degree.set(b, (degree.get(b) ?? 0) + 1)
  }
  if (f.hideIsolated) {
    const linked = new Set([...degree].filter(([, d]) => d > 0).map(([id]) => id))
    // Claims as nodes: a claim's subject and its sources are drawn linked to it, so they are not isolated.
    if (s.mode === 'claims')
      for (const c of claims) {
        if (isLink(c) || !kept.has(c.subjectId)) continue
        linked.add(c.subjectId)
        for (const a of c.attribution ?? []) linked.add(a.entityId)
      }
    kept = new Set([...kept].filter((id) => linked.has(id)))
  }

  const entities = data.entities.filter((e) => kept.has(e.id))
  const shownClaims = claims.filter((c) => kept.has(c.subjectId))
  return { entities, ...edges, claims: shownClaims, degree }
}

/** True when a map shows everything (no filter narrows it). */
export function isUnfiltered(f: MapFilters): boolean {
  return !f.entityTypes && !f.documentIds && !f.predicates && !f.minGrade && !f.statuses && !f.dateFrom && !f.dateTo && !f.hideIsolated && !f.focus
}

export { isDisputed }
