// Layouts an analyst can hand in: overlap removal, packing of disconnected
// parts, seeding (the same graph gives the same layout), the layered layout,
// and the claims-as-nodes elements. Pure functions, no DOM.
import { describe, expect, it } from 'vitest'
import { MAP_LAYOUTS } from '../../src-main/contract/types'
import { claimNodeElements, valueLines } from '../../src-renderer/src/map/claimNodes'
import type { MapClaim } from '../../src-renderer/src/map/edgesFromClaims'
import { claimEdgeText } from '../../src-renderer/src/map/graph'
import { layeredPositions } from '../../src-renderer/src/map/layered'
import { layoutBox, planLayout } from '../../src-renderer/src/map/layoutChoice'
import { computePositions, type LayoutNode, type LayoutRequest } from '../../src-renderer/src/map/layoutEngine'
import { countOverlaps, removeOverlaps, type Box } from '../../src-renderer/src/map/overlap'
import { components, packComponents } from '../../src-renderer/src/map/pack'
import { seededRandom, withSeededRandom } from '../../src-renderer/src/map/seeded'

const NAMES = ['Marcus Thorne', 'Bloomberg', 'TSG Invest', 'NextFin', 'Scale AI', 'Department of Defense', 'Pentagon', '$500 million', 'Сергей Шойгу', '谷歌']

function graph(n: number, m: number, seed = 1): Omit<LayoutRequest, 'plan'> {
  const r = seededRandom(seed)
  const nodes: LayoutNode[] = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, ...layoutBox(26 + (i % 5) * 8, `${NAMES[i % NAMES.length]} ${i}`) }))
  const edges = Array.from({ length: m }, () => {
    const a = Math.floor(r() * n)
    return { source: `e${a}`, target: `e${(a + 1 + Math.floor(r() * (n - 1))) % n}` }
  })
  return { nodes, edges }
}

/** Boxes at the computed places. */
const boxesAt = (nodes: LayoutNode[], ps: Record<string, { x: number; y: number }>): Box[] => nodes.map((n) => ({ ...n, ...ps[n.id]! }))

describe('overlap removal', () => {
  it('counts overlapping pairs, and only those', () => {
    const boxes: Box[] = [
      { id: 'a', x: 0, y: 0, w: 100, h: 20 },
      { id: 'b', x: 90, y: 0, w: 100, h: 20 },
      { id: 'c', x: 300, y: 0, w: 100, h: 20 },
      // Its box is 5 lower than its place: reaches up to y = 5, into c's.
      { id: 'd', x: 300, y: 10, w: 10, h: 20, dy: 5 }
    ]
    expect(countOverlaps(boxes)).toBe(2)
    expect(countOverlaps([boxes[0]!, boxes[2]!])).toBe(0)
    // The gap counts as overlap: 100 wide boxes 104 apart are closer than 8.
    expect(countOverlaps([{ id: 'a', x: 0, y: 0, w: 100, h: 20 }, { id: 'b', x: 104, y: 0, w: 100, h: 20 }], 8)).toBe(1)
  })

  it('separates a pile of wide label boxes, all on one spot, and keeps pinned ones exactly', () => {
    const boxes: Box[] = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, x: (i % 3) * 0.5, y: 0, w: 60 + (i % 7) * 12, h: 44, dy: 10 }))
    boxes[7] = { ...boxes[7]!, x: 5, y: 5, pinned: true }
    expect(countOverlaps(boxes)).toBeGreaterThan(1000)
    const ps = removeOverlaps(boxes, 6)
    const after = boxesAt(boxes as LayoutNode[], ps)
    expect(countOverlaps(after, 5.9)).toBe(0)
    expect(ps.n7).toEqual({ x: 5, y: 5 })
  })

  it('moves boxes that do not overlap not at all, and is the same every run', () => {
    const boxes: Box[] = [
      { id: 'a', x: 0, y: 0, w: 50, h: 30 },
      { id: 'b', x: 200, y: 0, w: 50, h: 30 },
      { id: 'c', x: 210, y: 5, w: 50, h: 30 }
    ]
    const ps = removeOverlaps(boxes, 4)
    expect(ps.a).toEqual({ x: 0, y: 0 })
    expect(countOverlaps(boxesAt(boxes as LayoutNode[], ps), 3.9)).toBe(0)
    expect(removeOverlaps(boxes, 4)).toEqual(ps)
  })
})

describe('packing disconnected parts', () => {
  it('finds connected parts', () => {
    expect(components(5, [[0, 1], [3, 4]]).map((c) => c.join())).toEqual(['0,1', '2', '3,4'])
  })

  it('packs isolated nodes in rows without overlap, and keeps parts with a pinned node in place', () => {
    // 40 isolated nodes all at the origin (a poor layout), a pair, and a pinned pair far away.
    const boxes: Box[] = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, x: 0, y: 0, ...layoutBox(30, NAMES[i % NAMES.length]!) }))
    boxes.push({ id: 'a', x: 0, y: 0, w: 80, h: 50 }, { id: 'b', x: 100, y: 0, w: 80, h: 50 })
    boxes.push({ id: 'p', x: -1000, y: -1000, w: 80, h: 50, pinned: true }, { id: 'q', x: -900, y: -1000, w: 80, h: 50 })
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'p', target: 'q' }
    ]
    const ps = packComponents(boxes, edges, 20)
    const after = boxesAt(boxes as LayoutNode[], ps)
    expect(countOverlaps(after)).toBe(0)
    expect(ps.p).toEqual({ x: -1000, y: -1000 })
    expect(ps.q).toEqual({ x: -900, y: -1000 })
    // A part moves as a block: the pair keeps its shape.
    expect(ps.b!.x - ps.a!.x).toBe(100)
    // Rows: wider than tall, not one long line.
    const xs = Object.values(ps).map((p) => p.x)
    const ys = Object.values(ps).map((p) => p.y)
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0)
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(40 * 150)
  })
})

describe('seeding', () => {
  it('replaces Math.random for one call only', () => {
    const real = Math.random
    const a = withSeededRandom(7, () => [Math.random(), Math.random()])
    const b = withSeededRandom(7, () => [Math.random(), Math.random()])
    expect(a).toEqual(b)
    expect(Math.random).toBe(real)
    expect(() => withSeededRandom(1, () => { throw new Error('x') })).toThrow('x')
    expect(Math.random).toBe(real)
  })
})

describe('every layout: no overlaps, the same every run, pinned nodes stay', () => {
  const g = graph(120, 110, 4)
  // Add isolated nodes: the grid-of-overlapping-labels case.
  for (let i = 0; i < 25; i++) g.nodes.push({ id: `iso${i}`, ...layoutBox(30, NAMES[i % NAMES.length]!) })
  for (const name of MAP_LAYOUTS) {
    it(name, () => {
      const plan = planLayout(name, g.nodes.length, g.edges.length)
      const one = computePositions({ ...g, plan })
      expect(countOverlaps(boxesAt(g.nodes, one))).toBe(0)
      // The same graph listed in another order: the same places.
      const two = computePositions({ nodes: [...g.nodes].reverse(), edges: [...g.edges].reverse(), plan })
      expect(two).toEqual(one)
      const pinned = { ...g, nodes: g.nodes.map((n, i) => (i === 3 ? { ...n, x: 5000, y: 5000, pinned: true } : n)) }
      const three = computePositions({ ...pinned, plan })
      expect(three.e3).toEqual({ x: 5000, y: 5000 })
      expect(countOverlaps(boxesAt(pinned.nodes, three))).toBe(0)
    })
  }
})

describe('layered layout', () => {
  it('reads a chain left to right, one rank per step', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, x: 0, y: 0, ...layoutBox(30, `Node ${id}`) }))
    const ps = layeredPositions(nodes, [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' }
    ], { rankdir: 'LR', nodesep: 20, ranksep: 100, ranker: 'network-simplex' })
    expect(ps.a!.x).toBeLessThan(ps.b!.x)
    expect(ps.b!.x).toBeLessThan(ps.c!.x)
    expect(ps.c!.x).toBeLessThan(ps.d!.x)
    expect(new Set(Object.values(ps).map((p) => Math.round(p.y))).size).toBe(1)
  })

  it('spreads a tree’s children in a column, not a row of dots', () => {
    const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i}`, x: 0, y: 0, ...layoutBox(30, `Child entity ${i}`) }))
    const edges = Array.from({ length: 8 }, (_, i) => ({ source: 'n0', target: `n${i + 1}` }))
    const ps = computePositions({ nodes, edges, plan: planLayout('layered', 9, 8) })
    for (let i = 1; i < 9; i++) expect(ps[`n${i}`]!.x).toBeGreaterThan(ps.n0!.x + 60)
    expect(countOverlaps(boxesAt(nodes, ps))).toBe(0)
  })
})

const claim = (id: number, subjectId: number, objectId: number | null, extra: Partial<MapClaim> = {}): MapClaim => ({
  id,
  subjectId,
  objectId,
  objectLabel: objectId === null ? '29,000,000,000 USD' : `E${objectId}`,
  qualifier: objectId === null ? 'up to' : undefined,
  predicate: 'valuation',
  reliability: 'B',
  credibility: 2,
  status: 'unverified',
  documentId: 1,
  documentTitle: 'Doc',
  start: 0,
  end: 5,
  quote: 'q',
  grade: 'B2',
  analystJudgement: false,
  createdAt: '2025-01-01',
  ...extra
})

describe('claims as nodes', () => {
  it('draws subject → claim → object or value, and each source → claim with its role', () => {
    const claims = [
      claim(1, 10, null, { attribution: [{ entityId: 30, role: 'reported by' }, { entityId: 31, role: 'according to' }, { entityId: 99, role: 'said' }] }),
      claim(2, 10, 20, { predicate: 'invested in', reliability: 'D', credibility: 4 }),
      // A link stays an entity-to-entity edge.
      claim(3, 10, 20, { analystJudgement: true, documentId: null })
    ]
    const els = claimNodeElements(claims, new Set([10, 20, 30, 31]))
    const ids = els.map((e) => e.data.id)
    expect(ids).toEqual(['q1', 'q1-s', 'q1-v', 'q1-o', 'q1-a30', 'q1-a31', 'q2', 'q2-s', 'q2-o'])
    const by = (id: string) => els.find((e) => e.data.id === id)!
    expect(by('q1').data.label).toBe('valuation · B2')
    expect(by('q1').classes).toBe('claimnode grade-strong')
    expect(by('q2').classes).toBe('claimnode grade-weak')
    expect(by('q1-v').data.label).toBe('up to 29,000,000,000 USD')
    expect([by('q1-s').data.source, by('q1-s').data.target]).toEqual(['e10', 'q1'])
    expect([by('q2-o').data.source, by('q2-o').data.target]).toEqual(['q2', 'e20'])
    expect([by('q1-a30').data.source, by('q1-a30').data.target, by('q1-a30').data.label]).toEqual(['e30', 'q1', 'reported by'])
    expect(by('q1-a31').data.label).toBe('according to')
  })

  it('puts value claims under their entity’s name, best first, at most two and a count', () => {
    const lines = valueLines([claim(1, 10, null), claim(2, 10, null, { predicate: 'revenue', objectLabel: '500,000,000 USD', qualifier: 'exact', reliability: 'A', credibility: 1 }), claim(3, 10, null, { reliability: 'F', credibility: 6 }), claim(4, 11, 12)])
    expect(lines.get(10)).toEqual(['revenue: 500,000,000 USD', 'valuation: up to 29,000,000,000 USD', '+1 more'])
    expect(lines.has(11)).toBe(false)
  })

  it('labels edges with grade and count when asked', () => {
    const g = { predicate: 'owns', count: 3, bestGrade: 'B2', link: false }
    expect(claimEdgeText(g, 'evidence')).toBe('owns · B2 · 3 claims')
    expect(claimEdgeText({ ...g, count: 1 }, 'evidence')).toBe('owns · B2')
    expect(claimEdgeText(g, 'predicate')).toBe('owns (3)')
    expect(claimEdgeText({ ...g, link: true, count: 1 }, 'evidence')).toBe('owns')
  })
})
