// Edge labels off each other and off the nodes (edgeLabels.ts): the turned-box
// test, labels on crossing and parallel edges, and a generated 200-node map
// laid out by the app's own layout engine, with room made as the map makes it.
import { describe, expect, it } from 'vitest'
import { boxesOverlap, labelOverlaps, placeEdgeLabels, pointAlong, spreadFactor, type EdgeLabel, type Pt, type RBox } from '../../src-renderer/src/map/edgeLabels'
import { layoutBox, planLayout } from '../../src-renderer/src/map/layoutChoice'
import { computePositions } from '../../src-renderer/src/map/layoutEngine'

/** Distance from p to the polyline. */
function distToPath(p: Pt, path: Pt[]): number {
  let best = Infinity
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!
    const b = path[i]!
    const l2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2
    const t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / l2)) : 0
    best = Math.min(best, Math.hypot(p.x - a.x - t * (b.x - a.x), p.y - a.y - t * (b.y - a.y)))
  }
  return best
}

/** A straight edge between two discs of radius r, with a label of `text` (10 px font, 2 px padding, as mapStyle draws it). */
function straight(id: string, a: Pt, b: Pt, text: string, r = 15): EdgeLabel {
  const d = Math.hypot(b.x - a.x, b.y - a.y) || 1
  const ux = (b.x - a.x) / d
  const uy = (b.y - a.y) / d
  const path = [
    { x: a.x + ux * r, y: a.y + uy * r },
    { x: b.x - ux * r, y: b.y - uy * r }
  ]
  return { id, anchor: pointAlong(path, 0.5), path, w: text.length * 5.6 + 8, h: 17, angle: Math.atan((b.y - a.y) / (b.x - a.x || 1e-9)) }
}

function placedBoxes(labels: EdgeLabel[], at: Record<string, Pt>): RBox[] {
  return labels.map((l) => ({ x: l.anchor.x + at[l.id]!.x, y: l.anchor.y + at[l.id]!.y, w: l.w, h: l.h, angle: l.angle }))
}

describe('turned boxes', () => {
  it('tells turned labels apart by their shapes, not their bounds', () => {
    const a: RBox = { x: 0, y: 0, w: 100, h: 14, angle: Math.PI / 4 }
    // Side by side along the same diagonal, 20 px apart across it: their bounds overlap, the labels do not.
    const b: RBox = { x: 20 * Math.cos(Math.PI / 4 + Math.PI / 2), y: 20 * Math.sin(Math.PI / 4 + Math.PI / 2), w: 100, h: 14, angle: Math.PI / 4 }
    expect(boxesOverlap(a, b)).toBe(false)
    // Crossing: they do.
    expect(boxesOverlap(a, { ...a, angle: -Math.PI / 4 })).toBe(true)
    // A node box the turned label passes beside, inside its bounds but not under the text.
    expect(boxesOverlap(a, { x: 30, y: -30, w: 16, h: 16, angle: 0 })).toBe(false)
    expect(boxesOverlap(a, { x: 10, y: 10, w: 16, h: 16, angle: 0 })).toBe(true)
  })
})

describe('edge label placement', () => {
  it('moves the labels of crossing edges apart, each staying on its own edge', () => {
    const labels = [straight('x1', { x: 0, y: 0 }, { x: 300, y: 300 }, 'owns · B2'), straight('x2', { x: 0, y: 300 }, { x: 300, y: 0 }, 'funds · C3'), straight('h', { x: 0, y: 150 }, { x: 300, y: 150 }, 'awarded contract to · B2')]
    // All three middles are the same point.
    expect(labelOverlaps(labels.map((l) => ({ ...l.anchor, w: l.w, h: l.h, angle: l.angle })), []).labels).toBe(3)
    const { at, stuck } = placeEdgeLabels(labels, [])
    expect(stuck).toEqual([])
    expect(labelOverlaps(placedBoxes(labels, at), []).labels).toBe(0)
    // On the edge (moved along it) or just beside it (one label height).
    placedBoxes(labels, at).forEach((b, i) => expect(distToPath(b, labels[i]!.path)).toBeLessThanOrEqual(labels[i]!.h + 2.01))
    // One of them keeps the middle.
    expect(Object.values(at).some((m) => Math.hypot(m.x, m.y) < 1e-6)).toBe(true)
  })

  it('keeps labels off node discs and node labels, and says when there is no room', () => {
    // A short edge: its label is longer than the gap between the two nodes.
    const a = { x: 0, y: 0 }
    const b = { x: 70, y: 0 }
    const nodes: RBox[] = [
      { x: 0, y: 0, w: 30, h: 30, angle: 0 },
      { x: 70, y: 0, w: 30, h: 30, angle: 0 }
    ]
    const short = straight('s', a, b, 'gains access to classified data of · D4')
    const r = placeEdgeLabels([short], nodes)
    expect(r.stuck).toEqual(['s'])
    // With room, the label goes where no node is: off a node sitting on the middle of the edge, along the edge.
    const long = straight('l', a, { x: 700, y: 0 }, 'gains access to classified data of · D4')
    const others = [nodes[0]!, { x: 700, y: 0, w: 30, h: 30, angle: 0 }, { x: 350, y: 0, w: 30, h: 30, angle: 0 }]
    const r2 = placeEdgeLabels([long], others)
    expect(r2.stuck).toEqual([])
    expect(labelOverlaps(placedBoxes([long], r2.at), others).onNodes).toBe(0)
    expect(r2.at.l!.y).toBeCloseTo(0, 6)
  })

  it('gives the same places whatever order the labels come in', () => {
    const labels = [straight('a', { x: 0, y: 0 }, { x: 200, y: 200 }, 'one'), straight('b', { x: 0, y: 200 }, { x: 200, y: 0 }, 'two'), straight('c', { x: 100, y: 0 }, { x: 100, y: 200 }, 'three')]
    expect(placeEdgeLabels([...labels].reverse(), []).at).toEqual(placeEdgeLabels(labels, []).at)
  })

  it('leaves no overlap on a generated 200-node map after the app layout, making room as the map does', () => {
    let s = 7
    const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
    const preds = ['owns', 'funds · B2', 'awarded contract to · C3', 'reported by', 'works with · A1 · 2 claims']
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, ...layoutBox(30, `Entity ${i}`) }))
    const seen = new Set<string>()
    const edges: { source: string; target: string; text: string }[] = []
    while (edges.length < 300) {
      const a = Math.floor(rnd() * 200)
      const b = Math.floor(rnd() ** 2 * 200)
      if (a === b || seen.has(`${Math.min(a, b)}:${Math.max(a, b)}`)) continue
      seen.add(`${Math.min(a, b)}:${Math.max(a, b)}`)
      edges.push({ source: `e${a}`, target: `e${b}`, text: preds[edges.length % preds.length]! })
    }
    // With each edge's label width, as the map gives them (edgeLabelFit.ts layoutEdges).
    let pos = computePositions({ nodes, edges: edges.map((e) => ({ ...e, label: e.text.length * 5.6 + 8 })), plan: planLayout('fcose', 200, 300) })
    const boxes = () => nodes.flatMap((n) => [
      { x: pos[n.id]!.x, y: pos[n.id]!.y, w: 30, h: 30, angle: 0 },
      { x: pos[n.id]!.x, y: pos[n.id]!.y + 15 + 5 + (n.h - 30 - 5) / 2, w: n.w, h: n.h - 30 - 5, angle: 0 }
    ])
    const labels = () => edges.map((e, i) => straight(`l${i}`, pos[e.source]!, pos[e.target]!, e.text))
    let r = placeEdgeLabels(labels(), boxes())
    const stuckFirst = r.stuck.length
    let spreads = 0
    while (r.stuck.length && spreads < 8) {
      // As edgeLabelFit.ts: spread the picture around its centre, place again.
      const ids = Object.keys(pos)
      const cx = ids.reduce((t, id) => t + pos[id]!.x, 0) / ids.length
      const cy = ids.reduce((t, id) => t + pos[id]!.y, 0) / ids.length
      const k = spreadFactor(r.stuck.length, edges.length)
      pos = Object.fromEntries(ids.map((id) => [id, { x: cx + (pos[id]!.x - cx) * k, y: cy + (pos[id]!.y - cy) * k }]))
      spreads++
      r = placeEdgeLabels(labels(), boxes())
    }
    const ls = labels()
    const placed = placedBoxes(ls, r.at)
    const o = labelOverlaps(placed, boxes())
    console.log(`200 nodes / 300 edges: ${stuckFirst} labels without room after the layout, 0 after ${spreads} spread(s) of the picture`)
    expect(r.stuck).toEqual([])
    expect(o).toEqual({ labels: 0, onNodes: 0 })
    placed.forEach((b, i) => expect(distToPath(b, ls[i]!.path)).toBeLessThanOrEqual(ls[i]!.h + 2.01))
  }, 60_000)
})

describe('labels beside their edges', () => {
  it('never sets a label beside its edge on top of another edge’s line (it would read as that edge’s label)', () => {
    // Two parallel lines 20 px apart; a node label under the middle of the lower one blocks its middle.
    const upper = straight('u', { x: 0, y: 0 }, { x: 400, y: 0 }, 'awarded contract to · B2')
    const lower = straight('d', { x: 0, y: 20 }, { x: 400, y: 20 }, 'deploys data foundry for · C3')
    const blocker: RBox = { x: 200, y: 34, w: 60, h: 14, angle: 0 }
    const r = placeEdgeLabels([lower], [blocker], 2, [upper, lower])
    expect(r.stuck).toEqual([])
    const box = placedBoxes([lower], r.at)[0]!
    // Moved along its own line (not up onto the other one, nor down onto the node label).
    expect(box.y).toBeCloseTo(20, 6)
    expect(Math.abs(box.x - 200)).toBeGreaterThan(10)
    // Without room along it, it is stuck rather than set on the other line.
    const short = straight('s', { x: 0, y: 20 }, { x: 180, y: 20 }, 'deploys data foundry for · C3')
    const r2 = placeEdgeLabels([short], [{ x: 90, y: 34, w: 160, h: 14, angle: 0 }], 2, [upper, short])
    expect(placedBoxes([short], r2.at)[0]!.y).not.toBeCloseTo(0, 0)
  })
})
