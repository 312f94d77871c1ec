// Computes node positions on a headless Cytoscape instance, so the same code
// runs in the layout Web Worker (big graphs) and on the UI thread (small
// ones, and where workers are unavailable). The live map applies the result
// as a `preset` layout.
//
// Every layout ends the same way (`plan.tidy`): the disconnected parts packed
// in rows (pack.ts), then no two node boxes, labels included, left
// overlapping (overlap.ts). Nodes and edges are sorted and Math.random is
// seeded from the graph (seeded.ts), so the same project gives the same
// layout every time, whatever order the map listed its elements in.
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { LayoutPlan } from './layoutChoice'
import { layeredPositions, type LayeredOptions } from './layered'
import { removeOverlaps, type Box } from './overlap'
import { packComponents } from './pack'
import { graphSeed, withSeededRandom } from './seeded'

let registered = false
function register(): void {
  if (registered) return
  registered = true
  cytoscape.use(fcose)
}

export interface LayoutNode {
  id: string
  /** Layout box (disc plus room for the label). */
  w: number
  h: number
  /** Where the box's centre is from the node's place (a label under the disc moves it down). */
  dx?: number
  dy?: number
  /** Current place; pinned nodes keep it. */
  x?: number
  y?: number
  pinned?: boolean
}

export interface LayoutRequest {
  nodes: LayoutNode[]
  /** `label`: the width of the edge's label as drawn, if it has one: the layouts that can leave room for it do. */
  edges: { source: string; target: string; label?: number }[]
  plan: Pick<LayoutPlan, 'name' | 'options'> & Partial<Pick<LayoutPlan, 'tidy'>>
}

/**
 * Moves nodes apart so no two boxes overlap, keeping the overall picture: each
 * node, nearest the centre first, takes the free grid cell nearest to where
 * it is. Pinned nodes hold their cells first and never move.
 */
function spread(cy: cytoscape.Core, gap: number, pinnedIds: Set<string>): void {
  const nodes = cy.nodes()
  if (nodes.length < 2) return
  let cw = 0
  let ch = 0
  nodes.forEach((n) => {
    cw = Math.max(cw, Number(n.data('w')) || 30)
    ch = Math.max(ch, Number(n.data('h')) || 30)
  })
  // Cells as big as an average box (wide labels may touch their neighbours' discs, never their labels' middles).
  let sw = 0
  let sh = 0
  nodes.forEach((n) => {
    sw += Number(n.data('w')) || 30
    sh += Number(n.data('h')) || 30
  })
  const cellW = Math.min(cw, sw / nodes.length) + gap
  const cellH = Math.min(ch, sh / nodes.length) + gap
  let cx = 0
  let cy0 = 0
  nodes.forEach((n) => {
    cx += n.position('x')
    cy0 += n.position('y')
  })
  cx /= nodes.length
  cy0 /= nodes.length
  // Spectral drafts are often tiny: scale the picture up until it covers about as many cells as there are nodes.
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  nodes.forEach((n) => {
    const p = n.position()
    minX = Math.min(minX, p.x)
    maxX = Math.max(maxX, p.x)
    minY = Math.min(minY, p.y)
    maxY = Math.max(maxY, p.y)
  })
  const area = Math.max(1, (maxX - minX) * (maxY - minY))
  const wanted = nodes.length * cellW * cellH * 1.6
  const k = area < wanted ? Math.sqrt(wanted / area) : 1
  const taken = new Set<string>()
  const key = (i: number, j: number) => `${i},${j}`
  const cellOf = (x: number, y: number) => [Math.round((x - cx) / cellW), Math.round((y - cy0) / cellH)] as const
  nodes.forEach((n) => {
    if (!pinnedIds.has(n.id())) return
    const [i, j] = cellOf(n.position('x'), n.position('y'))
    taken.add(key(i, j))
  })
  const order = nodes
    .toArray()
    .filter((n) => !pinnedIds.has(n.id()))
    .map((n) => n as cytoscape.NodeSingular)
    .map((n) => ({ n, x: cx + (n.position('x') - cx) * k, y: cy0 + (n.position('y') - cy0) * k }))
    .sort((a, b) => Math.hypot(a.x - cx, a.y - cy0) - Math.hypot(b.x - cx, b.y - cy0))
  for (const o of order) {
    const [i0, j0] = cellOf(o.x, o.y)
    let placed = false
    for (let r = 0; !placed; r++) {
      // The ring of cells at Chebyshev distance r, nearest first.
      let best: [number, number] | null = null
      let bestD = Infinity
      for (let di = -r; di <= r; di++)
        for (let dj = -r; dj <= r; dj++) {
          if (Math.max(Math.abs(di), Math.abs(dj)) !== r || taken.has(key(i0 + di, j0 + dj))) continue
          const d = di * di * cellW * cellW + dj * dj * cellH * cellH
          if (d < bestD) {
            bestD = d
            best = [i0 + di, j0 + dj]
          }
        }
      if (best) {
        taken.add(key(best[0], best[1]))
        o.n.position({ x: cx + best[0] * cellW, y: cy0 + best[1] * cellH })
        placed = true
      }
    }
  }
}

export type Positions = Record<string, { x: number; y: number }>

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Runs the plan's phases, then tidies; `onPhase(i)` is called as phase i starts. */
export function computePositions(req: LayoutRequest, onPhase?: (i: number) => void): Positions {
  register()
  // One order whatever the map's: the same graph gives the same layout.
  const nodes = [...req.nodes].sort((a, b) => byId(a.id, b.id))
  const ids = new Set(nodes.map((n) => n.id))
  const edges = req.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).sort((a, b) => byId(a.source, b.source) || byId(a.target, b.target))
  const seed = graphSeed([...nodes.map((n) => n.id), ...edges.map((e) => `${e.source}>${e.target}`)])
  const sorted: LayoutRequest = { ...req, nodes, edges }
  return withSeededRandom(seed, () => tidy(sorted, layoutOnce(sorted, onPhase)))
}

/** Parts packed (when the plan says so), then overlaps removed; pinned nodes keep their places. */
function tidy(req: LayoutRequest, placed: Positions): Positions {
  const t = req.plan.tidy
  if (!t) return placed
  let boxes: Box[] = req.nodes.map((n) => ({ id: n.id, ...placed[n.id]!, w: n.w, h: n.h, dx: n.dx, dy: n.dy, pinned: !!n.pinned && n.x !== undefined && n.y !== undefined }))
  if (t.pack) {
    const packed = packComponents(boxes, req.edges, t.packGap)
    boxes = boxes.map((b) => ({ ...b, ...packed[b.id]! }))
  }
  return removeOverlaps(boxes, t.gap)
}

/**
 * Whether any phase reads node sizes from the style. The spectral draft of
 * fcose only needs the graph (the spread that follows reads `data(w/h)`), and
 * a headless instance without style builds about 20 % faster at 2,000 nodes.
 */
export function needsStyle(plan: Pick<LayoutPlan, 'options'>): boolean {
  return plan.options.some((o) => !(o.name === 'spread' || o.name === 'layered' || (o.name === 'fcose' && o.quality === 'draft')))
}

function layoutOnce(req: LayoutRequest, onPhase?: (i: number) => void): Positions {
  const ids = new Set(req.nodes.map((n) => n.id))
  const cy = cytoscape({
    headless: true,
    styleEnabled: needsStyle(req.plan),
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
    elements: [
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x ?? 0, y: n.y ?? 0 } })),
      ...req.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e, i) => ({ group: 'edges' as const, data: { id: `l${i}`, source: e.source, target: e.target, lw: e.label ?? 0 } }))
    ]
  })
  try {
    const pinned = req.nodes.filter((n) => n.pinned && n.x !== undefined && n.y !== undefined)
    const pinnedIds = new Set(pinned.map((n) => n.id))
    const n = req.nodes.length
    const side = Math.max(400, Math.sqrt(n) * 130)
    req.plan.options.forEach((opts, i) => {
      onPhase?.(i)
      const o: Record<string, unknown> = { ...opts }
      if (o.name === 'spread') return spread(cy, Number(o.gap ?? 12), pinnedIds)
      if (o.name === 'layered') {
        const boxes = req.nodes.map((b) => ({ id: b.id, x: 0, y: 0, w: b.w, h: b.h, dx: b.dx, dy: b.dy }))
        const at = layeredPositions(boxes, req.edges, o as unknown as LayeredOptions)
        cy.batch(() => cy.nodes().forEach((node) => void node.position(at[node.id()]!)))
        return
      }
      if (o.name === 'fcose') {
        if (pinned.length) o.fixedNodeConstraint = pinned.map((p) => ({ nodeId: p.id, position: { x: p.x!, y: p.y! } }))
        o.nodeRepulsion = () => Number(opts.nodeRepulsion ?? 4500)
        // An edge with a label gets the room its label needs between the two discs (edgeLabels.ts places it there).
        const ideal = Number(opts.idealEdgeLength ?? 50)
        o.idealEdgeLength = (edge: cytoscape.EdgeSingular) => Math.max(ideal, Number(edge.data('lw') || 0) + 70)
        o.edgeElasticity = () => Number(opts.edgeElasticity ?? 0.45)
        cy.layout(o as unknown as cytoscape.LayoutOptions).run()
        return
      }
      if (o.name === 'concentric') {
        o.concentric = (node: cytoscape.NodeSingular) => node.degree(false)
        o.levelWidth = (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.maxDegree(false) / 4)
      }
      o.boundingBox = { x1: 0, y1: 0, w: side, h: side * 0.75 }
      const movable = cy.nodes().filter((node) => !pinnedIds.has(node.id()))
      const eles = movable.union(movable.connectedEdges().filter((e) => movable.contains(e.source()) && movable.contains(e.target())))
      eles.layout(o as unknown as cytoscape.LayoutOptions).run()
      // Breadth-first levels run top down; the layered fallback reads left to right.
      if (o.transpose) cy.batch(() => movable.forEach((node) => void node.position({ x: node.position('y'), y: node.position('x') })))
    })
    const out: Positions = {}
    cy.nodes().forEach((node) => {
      const p = node.position()
      out[node.id()] = { x: Number.isFinite(p.x) ? p.x : 0, y: Number.isFinite(p.y) ? p.y : 0 }
    })
    // Pinned nodes end exactly where they were, whatever the algorithm did.
    for (const p of pinned) out[p.id] = { x: p.x!, y: p.y! }
    return out
  } finally {
    cy.destroy()
  }
}
