// Edge labels off each other and off the nodes, on the live map: reads the
// label boxes and edge paths Cytoscape draws, places the labels
// (edgeLabels.ts) and sets each edge's margin (data lx, ly; mapStyle.ts).
// Run after every layout (making room if a label is still stuck), after the
// elements change, and after a node is dragged (without making room: the
// analyst's arrangement is not the map's to change).
//
// Making room: when a label has no free spot after a layout, the picture is
// scaled up around its centre (unpinned nodes only, then node overlaps with
// pinned ones removed again) and the labels placed again, a few times at
// most. Scaling only lengthens distances, so it keeps the layout's shape
// and its node-overlap guarantee while giving short edges room for their
// labels; what is still stuck then covers as little as it can.
//
// Trade-off: it reads Cytoscape's rendered-style scratch (the edge's drawn
// path, `allpts`, its label point, and the label's unrotated bounds and
// angle), which is not
// public API but is what Cytoscape draws and hit-tests from; the public
// bounding box of a turned label is its axis-aligned hull, up to twice its
// size. If a Cytoscape upgrade changed that scratch, the e2e tests would
// find no label boxes where labels are drawn (they count them) and fail.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'
import { labelOverlaps, placeEdgeLabels, spreadFactor, type EdgeLabel, type Pt, type RBox } from './edgeLabels'
import { drawnBoxes, layoutNodes } from './layoutBoxes'
import { removeOverlaps } from './overlap'

interface EdgePrivate {
  rscratch: { allpts?: number[]; edgeType?: string; labelX?: number; labelY?: number }
  rstyle: { labelAngle?: number }
  labelBounds: { main?: { x1: number; y1: number; x2: number; y2: number; w: number; h: number } }
}
const priv = (e: EdgeSingular) => (e as unknown as { _private: EdgePrivate })._private

/** Edges whose label is drawn now. */
function labelledEdges(cy: Core): EdgeSingular[] {
  return cy
    .edges()
    .filter((e) => e.visible() && !!String(e.style('label') ?? ''))
    .map((e) => e as EdgeSingular)
}

/** The edge as drawn (source end to target end): quadratic pieces sampled into a polyline. */
function pathOf(e: EdgeSingular): Pt[] {
  const { allpts = [], edgeType } = priv(e).rscratch
  const pts: Pt[] = []
  if (allpts.length < 4) return pts
  if (edgeType === 'bezier' || edgeType === 'multibezier' || edgeType === 'self' || edgeType === 'compound') {
    pts.push({ x: allpts[0]!, y: allpts[1]! })
    for (let i = 0; i + 5 < allpts.length; i += 4) {
      const [x0, y0, x1, y1, x2, y2] = allpts.slice(i, i + 6) as [number, number, number, number, number, number]
      for (let k = 1; k <= 12; k++) {
        const t = k / 12
        const u = 1 - t
        pts.push({ x: u * u * x0 + 2 * u * t * x1 + t * t * x2, y: u * u * y0 + 2 * u * t * y1 + t * t * y2 })
      }
    }
    return pts
  }
  for (let i = 0; i + 1 < allpts.length; i += 2) pts.push({ x: allpts[i]!, y: allpts[i + 1]! })
  return pts
}

/**
 * The label's box as drawn (its margin included), and where it would be
 * without the margin: Cytoscape's own label point (`rscratch.labelX/Y`, the
 * edge's middle) plus the margin in force, as its drawText does. Call
 * `refreshBounds` first: it brings every element's path and label up to date.
 */
function labelBox(e: EdgeSingular): { box: RBox; anchor: Pt } | null {
  const p = priv(e)
  const bb = p.labelBounds?.main
  const { labelX, labelY } = p.rscratch
  if (!bb || !(bb.w > 0) || !(bb.h > 0) || !Number.isFinite(labelX) || !Number.isFinite(labelY)) return null
  const angle = e.style('text-rotation') === 'autorotate' ? (p.rstyle.labelAngle ?? 0) : 0
  const anchor = { x: labelX!, y: labelY! }
  const box = { x: anchor.x + e.numericStyle('text-margin-x'), y: anchor.y + e.numericStyle('text-margin-y'), w: bb.w, h: bb.h, angle: Number.isFinite(angle) ? angle : 0 }
  return { box, anchor }
}

/** One pass over the whole map (edges first, as Cytoscape orders them), instead of one recalculation per element. */
function refreshBounds(cy: Core): void {
  cy.elements().boundingBox({ includeLabels: true, includeOverlays: false })
}

/** Node discs and node labels as drawn. */
function nodeBoxes(cy: Core): RBox[] {
  const { nodes, labels } = drawnBoxes(cy)
  return [...nodes, ...labels].map((b) => ({ x: b.x, y: b.y, w: b.w, h: b.h, angle: 0 }))
}

/** Edge label boxes as drawn now (turned rectangles). */
export function edgeLabelBoxes(cy: Core): RBox[] {
  const labelled = labelledEdges(cy)
  if (labelled.length) refreshBounds(cy)
  // Cytoscape's own label bounds (its margin included), turned by its label angle: the check does not reuse labelBox's arithmetic.
  return labelled.flatMap((e) => {
    const p = priv(e)
    const bb = p.labelBounds?.main
    if (!bb || !(bb.w > 0) || !(bb.h > 0)) return []
    const angle = e.style('text-rotation') === 'autorotate' ? (p.rstyle.labelAngle ?? 0) : 0
    return [{ x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, w: bb.w, h: bb.h, angle }]
  })
}

/** The layout's edges: each with the width of its label as drawn (0 for none), so the layout can leave it room. */
export function layoutEdges(cy: Core): { source: string; target: string; label: number }[] {
  const drawn = new Set(labelledEdges(cy).map((e) => e.id()))
  // Big maps draw no edge labels: no need to bring every element's bounds up to date.
  if (drawn.size) refreshBounds(cy)
  return cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), label: drawn.has(e.id()) ? (priv(e as EdgeSingular).labelBounds?.main?.w ?? 0) : 0 }))
}

/** Edge labels on edge labels (pairs), and edge labels on node discs or node labels, as drawn. */
export function edgeLabelOverlaps(cy: Core): { edgeLabels: number; edgeLabelsOnNodes: number } {
  const r = labelOverlaps(edgeLabelBoxes(cy), nodeBoxes(cy))
  return { edgeLabels: r.labels, edgeLabelsOnNodes: r.onNodes }
}

/** One placement of every drawn edge label; the labels still stuck. */
function placeOnce(cy: Core): string[] {
  const labelled = labelledEdges(cy)
  if (!labelled.length) return []
  refreshBounds(cy)
  const labels: EdgeLabel[] = []
  for (const e of labelled) {
    const b = labelBox(e)
    if (!b) continue
    labels.push({ id: e.id(), anchor: b.anchor, path: pathOf(e), w: b.box.w, h: b.box.h, angle: b.box.angle })
  }
  if (!labels.length) return []
  // Every line drawn (unlabelled ones too: a claim's subject and object parts), for the labels set beside their edges.
  const lines = cy
    .edges()
    .filter((e) => e.visible())
    .map((e) => ({ id: e.id(), path: pathOf(e as EdgeSingular) }))
  const { at, stuck } = placeEdgeLabels(labels, nodeBoxes(cy), 2, lines)
  cy.batch(() => {
    for (const l of labels) {
      const m = at[l.id]!
      const e = cy.getElementById(l.id)
      const lx = Math.round(m.x * 100) / 100
      const ly = Math.round(m.y * 100) / 100
      if (e.data('lx') !== lx || e.data('ly') !== ly) e.data({ lx, ly })
    }
  })
  return stuck
}

/** Spreads the unpinned nodes by `k` around their centre, then takes node boxes off pinned ones again. */
function spreadOut(cy: Core, k: number): void {
  const free = cy.nodes().filter((n) => !n.locked())
  if (free.length < 2) return
  let cx = 0
  let cyy = 0
  free.forEach((n) => {
    cx += n.position('x')
    cyy += n.position('y')
  })
  cx /= free.length
  cyy /= free.length
  cy.batch(() => free.forEach((n) => void n.position({ x: cx + (n.position('x') - cx) * k, y: cyy + (n.position('y') - cyy) * k })))
  if (free.length === cy.nodes().length) return
  const boxes = layoutNodes(cy).map((b) => ({ ...b, x: b.x ?? 0, y: b.y ?? 0 }))
  const at = removeOverlaps(boxes, 8)
  cy.batch(() => boxes.forEach((b) => !b.pinned && cy.getElementById(b.id).position(at[b.id]!)))
}

export interface LabelFitResult {
  /** Labels that still cover another label or a node. */
  stuck: number
  /** How many times the picture was spread to make room. */
  spreads: number
}

/**
 * Places the map's edge labels. `makeRoom` (after a layout): while a label
 * is stuck, spread the picture a little and try again (at most `maxSpreads` times).
 */
export function fitEdgeLabels(cy: Core, { makeRoom = false, maxSpreads = 10 } = {}): LabelFitResult {
  let stuck = placeOnce(cy)
  let spreads = 0
  const total = labelledEdges(cy).length
  while (makeRoom && stuck.length && spreads < maxSpreads) {
    spreadOut(cy, spreadFactor(stuck.length, total))
    spreads++
    stuck = placeOnce(cy)
  }
  return { stuck: stuck.length, spreads }
}

/** Takes the margins off the edges of a node being dragged (they are placed again when it is dropped). */
export function clearEdgeLabelMargins(node: NodeSingular): void {
  node.connectedEdges('[lx]').forEach((e) => {
    if (e.data('lx') || e.data('ly')) e.data({ lx: 0, ly: 0 })
  })
}
