// Layout choice by graph size, the headless layout engine the worker runs,
// and where new nodes go on an arranged map.
import { describe, expect, it } from 'vitest'
import { MAP_LAYOUTS } from '../../src-main/contract/types'
import { layoutBox, planLayout, sizeTier } from '../../src-renderer/src/map/layoutChoice'
import { computePositions, needsStyle, type LayoutRequest } from '../../src-renderer/src/map/layoutEngine'
import { placeNewNodes } from '../../src-renderer/src/map/positions'

function graph(n: number, m: number, seed = 1): Omit<LayoutRequest, 'plan'> {
  let s = seed
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, ...layoutBox(30, `Entity ${i}`) }))
  const edges = Array.from({ length: m }, () => {
    const a = Math.floor(r() * n)
    return { source: `e${a}`, target: `e${(a + 1 + Math.floor(r() * (n - 1))) % n}` }
  })
  return { nodes, edges }
}

describe('layout choice by size', () => {
  it('puts graphs in tiers by nodes and edges', () => {
    expect(sizeTier(2, 1)).toBe('small')
    expect(sizeTier(60, 240)).toBe('small')
    expect(sizeTier(61, 10)).toBe('medium')
    expect(sizeTier(50, 1000)).toBe('medium')
    expect(sizeTier(600, 3000)).toBe('medium')
    expect(sizeTier(2000, 8000)).toBe('large')
    expect(sizeTier(3000, 20000)).toBe('huge')
  })

  it('gives small graphs the full fcose on the UI thread, big ones the draft in the worker', () => {
    const small = planLayout('fcose', 10, 12)
    expect(small.inWorker).toBe(false)
    expect(small.options).toHaveLength(1)
    expect(small.options[0]).toMatchObject({ name: 'fcose', quality: 'default', randomize: true, animate: false })
    const medium = planLayout('fcose', 300, 900)
    expect(medium.inWorker).toBe(true)
    expect(medium.options[0]).toMatchObject({ quality: 'default' })
    const large = planLayout('fcose', 2000, 8000)
    expect(large.inWorker).toBe(true)
    expect(large.options.map((o) => o.name === 'fcose' ? o.quality : o.name)).toEqual(['draft', 'spread'])
    expect(large.phases).toHaveLength(2)
    const huge = planLayout('fcose', 3000, 20000)
    expect(huge.options[0]).toMatchObject({ quality: 'draft', samplingType: true })
  })

  it('builds the headless graph without style only where no phase reads node sizes from it', () => {
    expect(needsStyle(planLayout('fcose', 10, 12))).toBe(true)
    expect(needsStyle(planLayout('fcose', 300, 900))).toBe(true)
    expect(needsStyle(planLayout('fcose', 2000, 8000))).toBe(false)
    expect(needsStyle(planLayout('fcose', 3000, 20000))).toBe(false)
    expect(needsStyle(planLayout('grid', 2000, 8000))).toBe(true)
    // The draft without style still ends with no two node boxes overlapping (the spread reads the boxes from data).
    const g = graph(2000, 8000)
    const at = computePositions({ ...g, plan: planLayout('fcose', 2000, 8000) })
    const cells = new Set(g.nodes.map((n) => `${Math.round(at[n.id]!.x)},${Math.round(at[n.id]!.y)}`))
    expect(cells.size).toBe(g.nodes.length)
  }, 60_000)

  it('has a plan for every layout the map offers, never animated', () => {
    for (const name of MAP_LAYOUTS)
      for (const [n, m] of [
        [5, 4],
        [3000, 20000]
      ] as const) {
        const p = planLayout(name, n, m)
        expect(p.name).toBe(name)
        expect(p.phases.length).toBe(p.options.length)
        for (const o of p.options) if (o.name !== 'spread') expect(o).toMatchObject({ animate: false, fit: false })
        // JSON only: the plan is posted to the worker
        expect(JSON.parse(JSON.stringify(p))).toEqual(p)
      }
  })

  it('widens a node’s box for a long label', () => {
    expect(layoutBox(30, 'A').w).toBe(30)
    expect(layoutBox(30, 'A rather long entity name').w).toBeGreaterThan(100)
    expect(layoutBox(30, 'x'.repeat(500)).w).toBe(144) // wrapped at 140 px, plus the label's padding
  })
})

describe('layout engine (headless Cytoscape, as in the worker)', () => {
  const finite = (ps: Record<string, { x: number; y: number }>) => Object.values(ps).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))

  it('places every node of a small graph, apart from each other', () => {
    const g = graph(12, 16)
    const ps = computePositions({ ...g, plan: planLayout('fcose', 12, 16) })
    expect(Object.keys(ps).sort()).toEqual(g.nodes.map((n) => n.id).sort())
    expect(finite(ps)).toBe(true)
    const pts = Object.values(ps)
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) expect(Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y)).toBeGreaterThan(10)
  })

  it('keeps pinned nodes exactly where they are, for every layout', () => {
    for (const name of MAP_LAYOUTS) {
      const g = graph(20, 30, 3)
      g.nodes[0] = { ...g.nodes[0]!, x: 1234, y: -567, pinned: true }
      g.nodes[5] = { ...g.nodes[5]!, x: -50, y: 80, pinned: true }
      const ps = computePositions({ ...g, plan: planLayout(name, 20, 30) })
      expect(ps.e0).toEqual({ x: 1234, y: -567 })
      expect(ps.e5).toEqual({ x: -50, y: 80 })
      expect(finite(ps)).toBe(true)
      // the others moved somewhere else than the pins
      expect(Object.entries(ps).filter(([id, p]) => id !== 'e0' && p.x === 1234 && p.y === -567)).toEqual([])
    }
  })

  it('spreads a draft so no two node boxes sit on the same spot', () => {
    const g = graph(400, 1200, 5)
    const plan = planLayout('fcose', 400, 1200)
    const ps = computePositions({ ...g, plan: { name: 'fcose', options: [{ ...plan.options[0]!, quality: 'draft' }, { name: 'spread', gap: 10 }] } })
    const seen = new Set(Object.values(ps).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`))
    expect(seen.size).toBe(400)
    expect(finite(ps)).toBe(true)
  })

  it('reports each phase as it starts', () => {
    const phases: number[] = []
    computePositions({ ...graph(30, 40), plan: { name: 'fcose', options: [{ name: 'grid', animate: false }, { name: 'spread', gap: 5 }] } }, (i) => phases.push(i))
    expect(phases).toEqual([0, 1])
  })
})

describe('placeNewNodes', () => {
  it('puts a new node near its placed neighbours, not on top of anything', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }]
    ])
    const out = placeNewNodes(['c'], placed, [
      ['c', 'a'],
      ['c', 'b']
    ])
    const c = out.get('c')!
    expect(Math.hypot(c.x - 100, c.y)).toBeLessThan(200)
    for (const p of placed.values()) expect(Math.hypot(c.x - p.x, c.y - p.y)).toBeGreaterThan(50)
  })

  it('puts unconnected new nodes in rows under the map, none on top of another', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 300, y: 100 }]
    ])
    const ids = Array.from({ length: 15 }, (_, i) => `n${i}`)
    const out = placeNewNodes(ids, placed, [])
    expect(out.size).toBe(15)
    for (const p of out.values()) expect(p.y).toBeGreaterThan(100)
    const keys = new Set([...out.values()].map((p) => `${p.x},${p.y}`))
    expect(keys.size).toBe(15)
  })

  it('handles a map with nothing placed yet', () => {
    const out = placeNewNodes(['x', 'y'], new Map(), [['x', 'y']])
    expect(out.size).toBe(2)
    expect(out.get('x')).not.toEqual(out.get('y'))
  })
})
