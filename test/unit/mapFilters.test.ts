// The map's filters (src-renderer/src/map/filters.ts) and element building
// with claims and grades (graph.ts). Links are analyst-judgement claims
// without a passage (schema 0006): shown with showLinks, drawn as links.
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS, type CoMention, type Entity, type MapFilters } from '../../src-main/contract/types'
import { applyFilters, claimDate, filterClaims, isoDay, neighbourhood, type FilteredMap, type MapData } from '../../src-renderer/src/map/filters'
import { buildElements, nodeSizeByDegree } from '../../src-renderer/src/map/graph'
import { legendEntries } from '../../src-renderer/src/map/legend'
import type { MapClaim } from '../../src-renderer/src/map/edgesFromClaims'

const entity = (id: number, type: string, name = `E${id}`): Entity => ({ id, name, type, notes: '', mentionCount: id, createdAt: '2025-01-01T00:00:00.000Z' })
let cid = 100
const claim = (p: Partial<MapClaim>): MapClaim => ({
  id: cid++,
  subjectId: 1,
  objectId: 2,
  objectLabel: '',
  predicate: 'owns',
  reliability: 'B',
  credibility: 2,
  status: 'unverified',
  documentId: 10,
  documentTitle: 'D10',
  start: 0,
  end: 1,
  quote: 'q',
  grade: 'B2',
  analystJudgement: false,
  createdAt: '2024-06-01T00:00:00.000Z',
  ...p
})
/** A link: the analyst's judgement, no passage, ungraded (as "Link to…" and migration 0006 make them). */
const link = (id: number, subjectId: number, objectId: number, predicate: string): MapClaim =>
  claim({ id, subjectId, objectId, predicate, reliability: 'F', credibility: 6, grade: 'F6', documentId: null, documentTitle: null, start: null, end: null, quote: null, analystJudgement: true, createdAt: '2025-01-01T00:00:00.000Z' })
const claimsOnly = (r: FilteredMap) => r.claimEdges.filter((e) => !e.link)
const linkIds = (r: FilteredMap) => r.claimEdges.filter((e) => e.link).flatMap((e) => e.claimIds)

// 1 Person, 2 Company, 3 Company, 4 PublicBody, 5 Location (isolated), 6 Person (chain 1-2-3-4-6)
function data(): MapData {
  return {
    entities: [entity(1, 'Person'), entity(2, 'Company'), entity(3, 'Company'), entity(4, 'PublicBody'), entity(5, 'Location'), entity(6, 'Person')],
    claims: [
      link(51, 2, 3, 'supplies'),
      link(52, 4, 6, 'awarded contract to'),
      claim({ id: 1, subjectId: 1, objectId: 2, predicate: 'owns', reliability: 'A', credibility: 1, documentId: 10 }),
      claim({ id: 2, subjectId: 3, objectId: 4, predicate: 'awarded contract to', reliability: 'D', credibility: 4, status: 'disputed', documentId: 11 }),
      claim({ id: 3, subjectId: 3, objectId: null, objectLabel: '5 USD', predicate: 'revenue', documentId: 11 })
    ],
    coMentions: [{ a: 1, b: 5, count: 2 }] as CoMention[],
    entityDocuments: [
      { entityId: 1, documentId: 10, count: 1 },
      { entityId: 2, documentId: 10, count: 1 },
      { entityId: 3, documentId: 11, count: 1 },
      { entityId: 4, documentId: 11, count: 2 },
      { entityId: 5, documentId: 12, count: 1 }
    ],
    documentDates: new Map([
      [10, '2024-01-15'],
      [11, '2025-02-01']
    ])
  }
}
const F = (p: Partial<MapFilters> = {}): MapFilters => ({ ...DEFAULT_MAP_FILTERS, ...p })
const S = DEFAULT_MAP_SETTINGS
const ids = (r: { entities: Entity[] }) => r.entities.map((e) => e.id)

describe('applyFilters', () => {
  it('shows everything with no filters: claims with entity objects, links; co-mentions only when asked', () => {
    const r = applyFilters(data(), F(), S)
    expect(ids(r)).toEqual([1, 2, 3, 4, 5, 6])
    expect(claimsOnly(r).map((e) => [e.sourceId, e.targetId, e.gradeClass])).toEqual([
      [1, 2, 'strong'],
      [3, 4, 'disputed']
    ])
    expect(linkIds(r)).toEqual([51, 52])
    expect(r.coMentions).toEqual([])
    expect(applyFilters(data(), F(), { ...S, showCoMentions: true }).coMentions).toHaveLength(1)
    // showClaims hides the claims a source states, showLinks the analyst's links
    const noClaims = applyFilters(data(), F(), { ...S, showClaims: false })
    expect(claimsOnly(noClaims)).toEqual([])
    expect(linkIds(noClaims)).toEqual([51, 52])
    const noLinks = applyFilters(data(), F(), { ...S, showLinks: false })
    expect(linkIds(noLinks)).toEqual([])
    expect(claimsOnly(noLinks)).toHaveLength(2)
    expect(r.degree.get(3)).toBe(2)
    expect(r.degree.get(5)).toBeUndefined()
  })

  it('filters by entity type, and drops edges to hidden entities', () => {
    const r = applyFilters(data(), F({ entityTypes: ['Company', 'Person'] }), S)
    expect(ids(r)).toEqual([1, 2, 3, 6])
    expect(claimsOnly(r).map((e) => e.id)).toEqual(['k1'])
    expect(linkIds(r)).toEqual([51])
  })

  it('filters by document: entities mentioned there, claims said there', () => {
    const r = applyFilters(data(), F({ documentIds: [11] }), S)
    expect(ids(r)).toEqual([3, 4])
    expect(r.claimEdges.map((e) => e.claimIds)).toEqual([[2]])
    // a link has no document: the filter narrows its ends, not the link (52 starts at 4, which stays)
    expect(r.claims.map((c) => c.id).sort((a, b) => a - b)).toEqual([2, 3, 52])
  })

  it('keeps a link between two entities of the filtered documents, and never lets a link pull in an entity', () => {
    const d = data()
    d.claims.push(link(53, 3, 4, 'supplies to'), link(54, 3, 5, 'rents from'))
    const r = applyFilters(d, F({ documentIds: [11] }), S)
    expect(ids(r)).toEqual([3, 4])
    expect(linkIds(r)).toEqual([53])
    // a judgement that rests on a passage is a claim of that passage's document
    d.claims.push(claim({ id: 55, subjectId: 1, objectId: 5, predicate: 'visits', analystJudgement: true, documentId: 12 }))
    expect(ids(applyFilters(d, F({ documentIds: [12] }), S))).toEqual([1, 5])
  })

  it('filters by predicate, matching claim predicates and link labels', () => {
    const r = applyFilters(data(), F({ predicates: ['OWNS', 'supplies'] }), S)
    expect(claimsOnly(r).map((e) => e.claimIds)).toEqual([[1]])
    expect(linkIds(r)).toEqual([51])
  })

  it('filters by minimum grade and status; ungraded, unverified links are hidden then', () => {
    const r = applyFilters(data(), F({ minGrade: { reliability: 'B', credibility: 2 } }), S)
    expect(r.claimEdges.map((e) => e.claimIds)).toEqual([[1]])
    expect(linkIds(r)).toEqual([])
    const s = applyFilters(data(), F({ statuses: ['disputed'] }), S)
    expect(s.claimEdges.map((e) => e.claimIds)).toEqual([[2]])
    // a link is a claim: the grade and status the analyst gave it count
    const d = data()
    d.claims.push({ ...link(56, 2, 3, 'supplies'), reliability: 'A', credibility: 1, status: 'disputed' })
    expect(linkIds(applyFilters(d, F({ minGrade: { reliability: 'B', credibility: 2 } }), S))).toEqual([56])
    expect(linkIds(applyFilters(d, F({ statuses: ['disputed'] }), S))).toEqual([56])
  })

  it('filters claims by date range (document date, else the day recorded)', () => {
    const d = data()
    expect(claimDate(d.claims.find((c) => c.id === 1)!, d.documentDates)).toBe('2024-01-15')
    expect(claimDate(claim({ documentId: null, createdAt: '2023-05-06T12:00:00Z' }), d.documentDates)).toBe('2023-05-06')
    const r = applyFilters(d, F({ dateFrom: '2025-01-01' }), S)
    expect(claimsOnly(r).map((e) => e.claimIds)).toEqual([[2]])
    // a link is dated by the day it was recorded
    expect(linkIds(r)).toEqual([51, 52])
    const none = applyFilters(d, F({ dateFrom: '2024-02-01', dateTo: '2024-12-31' }), S)
    expect(none.claimEdges).toEqual([])
    expect(filterClaims(d.claims, F({ dateTo: '2024-01-15' }), d.documentDates).map((c) => c.id)).toEqual([1])
    expect(linkIds(applyFilters(d, F({ dateTo: '2024-12-31' }), S))).toEqual([])
  })

  it('hides isolated entities when asked', () => {
    expect(ids(applyFilters(data(), F({ hideIsolated: true }), S))).toEqual([1, 2, 3, 4, 6])
    // with only claims shown, 6 (linked only by a user link) is isolated too
    expect(ids(applyFilters(data(), F({ hideIsolated: true }), { ...S, showLinks: false }))).toEqual([1, 2, 3, 4])
  })

  it('keeps a claim’s sources when isolated entities are hidden in claims as nodes (they are drawn linked to it)', () => {
    const d = data()
    // 5 is the source of claim 1 ("reported by"), with no edge of its own in the entity view.
    d.claims = d.claims.map((c) => (c.id === 1 ? { ...c, attribution: [{ entityId: 5, role: 'reported by' }] } : c))
    expect(ids(applyFilters(d, F({ hideIsolated: true }), S))).toEqual([1, 2, 3, 4, 6])
    expect(ids(applyFilters(d, F({ hideIsolated: true }), { ...S, mode: 'claims' }))).toEqual([1, 2, 3, 4, 5, 6])
    // A source the type filter hides stays hidden.
    expect(ids(applyFilters(d, F({ hideIsolated: true, entityTypes: ['Person', 'Company', 'PublicBody'] }), { ...S, mode: 'claims' }))).toEqual([1, 2, 3, 4, 6])
  })

  it('focuses on an entity and what lies within 1–3 steps', () => {
    expect(ids(applyFilters(data(), F({ focus: { entityId: 3, hops: 1 } }), S))).toEqual([2, 3, 4])
    expect(ids(applyFilters(data(), F({ focus: { entityId: 3, hops: 2 } }), S))).toEqual([1, 2, 3, 4, 6])
    expect(ids(applyFilters(data(), F({ focus: { entityId: 5, hops: 3 } }), S))).toEqual([5])
    // the focused entity stays even when its type is filtered out
    expect(ids(applyFilters(data(), F({ entityTypes: ['Company'], focus: { entityId: 1, hops: 1 } }), S))).toEqual([1, 2])
    // a focus on an entity that no longer exists is ignored
    expect(ids(applyFilters(data(), F({ focus: { entityId: 99, hops: 1 } }), S))).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('neighbourhood walks both directions and stops at the hop count', () => {
    const chain: [number, number][] = [
      [1, 2],
      [3, 2],
      [3, 4],
      [4, 5]
    ]
    expect([...neighbourhood(1, 1, chain)].sort()).toEqual([1, 2])
    expect([...neighbourhood(1, 2, chain)].sort()).toEqual([1, 2, 3])
    expect([...neighbourhood(1, 3, chain)].sort()).toEqual([1, 2, 3, 4])
  })

  it('reads dates in the forms documents carry them', () => {
    expect(isoDay('2025-03-01T10:00:00Z')).toBe('2025-03-01')
    expect(isoDay('2025-03')).toBe('2025-03-01')
    expect(isoDay('March 1, 2025')).toMatch(/^2025-03-0[12]$/)
    expect(isoDay('not a date')).toBeNull()
    expect(isoDay(null)).toBeNull()
  })
})

describe('buildElements with claims', () => {
  it('draws claim edges subject → object, labelled with the predicate and classed by grade', () => {
    const r = applyFilters(data(), F(), S)
    const els = buildElements({ entities: r.entities, coMentions: [], showCoMentions: false, claimEdges: r.claimEdges })
    const claimEls = els.filter((e) => e.group === 'edges' && String(e.classes).startsWith('claim grade'))
    expect(claimEls.map((e) => [e.data.source, e.data.target, e.data.label, e.classes, e.data.grade])).toEqual([
      ['e1', 'e2', 'owns', 'claim grade-strong', 'A1'],
      ['e3', 'e4', 'awarded contract to', 'claim grade-disputed', 'D4']
    ])
    // every node has its type icon as an inline SVG
    for (const n of els.filter((e) => e.group === 'nodes')) expect(String(n.data.icon)).toMatch(/^data:image\/svg\+xml;utf8,/)
    // the legend lists the types shown and the edge kinds present
    const legend = legendEntries(els).map((l) => l.label)
    expect(legend).toContain('Person')
    expect(legend).toContain('Claim, well graded (A–B, 1–2)')
    expect(legend).toContain('Claim disputed or refuted')
    expect(legend).toContain('Your link')
    expect(legend).not.toContain('Claim, weaker or ungraded')
    // links are drawn as links, not by their (F6) grade
    expect(els.filter((e) => e.classes === 'claim link').map((e) => [e.data.source, e.data.target, e.data.label])).toEqual([
      ['e2', 'e3', 'supplies'],
      ['e4', 'e6', 'awarded contract to']
    ])
  })

  it('never puts a link on the same edge as a claim saying the same thing', () => {
    const d = data()
    d.claims.push(claim({ id: 57, subjectId: 2, objectId: 3, predicate: 'Supplies' }))
    const els = buildElements({ entities: d.entities, coMentions: [], showCoMentions: false, claimEdges: applyFilters(d, F(), S).claimEdges })
    const between = els.filter((e) => e.group === 'edges' && e.data.source === 'e2' && e.data.target === 'e3')
    expect(between.map((e) => [e.classes, e.data.label])).toEqual([
      ['claim link', 'supplies'],
      ['claim grade-strong', 'Supplies']
    ])
  })

  it('counts several claims on one edge in its label', () => {
    const d = data()
    d.claims.push(claim({ subjectId: 1, objectId: 2, predicate: 'Owns', reliability: 'E', credibility: 5 }))
    const r = applyFilters(d, F(), S)
    const els = buildElements({ entities: r.entities, coMentions: [], showCoMentions: false, claimEdges: r.claimEdges })
    expect(els.find((e) => e.data.id === 'k1')!.data.label).toBe('owns (2)')
  })

  it('sizes nodes by degree when asked', () => {
    const r = applyFilters(data(), F(), S)
    const els = buildElements({ entities: r.entities, coMentions: [], showCoMentions: false, claimEdges: r.claimEdges, sizeBy: 'degree', degree: r.degree })
    const size = (id: number) => els.find((e) => e.data.id === `e${id}`)!.data.size
    expect(size(3)).toBe(nodeSizeByDegree(2))
    expect(size(5)).toBe(nodeSizeByDegree(0))
    expect(size(3)).toBeGreaterThan(size(5))
  })
})
