// The boxes the layout must keep apart, measured on the live canvas: each
// node's disc and its label as Cytoscape draws them (its own text metrics,
// wrapping and margins), so "no two labels overlap" holds for what is on
// screen and in the exports, not for an estimate. Also the check the bench
// and the e2e tests use: which node and label boxes overlap after a layout.
//
// Trade-off: measuring asks Cytoscape for every node's bounding box (it
// caches label metrics, so 8,000 nodes take tens of ms); worth it, because an
// estimate of text width is wrong for every script but the one it assumed.
import type { Core, NodeSingular } from 'cytoscape'
import type { LayoutNode } from './layoutEngine'
import { countOverlaps, type Box } from './overlap'

/** A node's layout box relative to its place, labels included. */
export function measureNode(n: NodeSingular): Pick<LayoutNode, 'w' | 'h' | 'dx' | 'dy'> {
  const bb = n.boundingBox({ includeLabels: true, includeOverlays: false })
  const p = n.position()
  return { w: bb.w, h: bb.h, dx: (bb.x1 + bb.x2) / 2 - p.x, dy: (bb.y1 + bb.y2) / 2 - p.y }
}

/** The layout's input from the canvas: every node with its measured box, place and pin. */
export function layoutNodes(cy: Core): LayoutNode[] {
  return cy.nodes().map((n) => ({ id: n.id(), ...measureNode(n), x: n.position('x'), y: n.position('y'), pinned: n.locked() }))
}

/** Node bodies and labels as drawn, one box each (a label may be empty). */
function drawnBoxes(cy: Core): { nodes: Box[]; labels: Box[] } {
  const nodes: Box[] = []
  const labels: Box[] = []
  cy.nodes().forEach((n) => {
    const body = n.boundingBox({ includeLabels: false, includeOverlays: false })
    nodes.push({ id: n.id(), x: (body.x1 + body.x2) / 2, y: (body.y1 + body.y2) / 2, w: body.w, h: body.h })
    if (!String(n.style('label') ?? '')) return
    const lab = n.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false } as Parameters<NodeSingular['boundingBox']>[0])
    if (lab.w > 0 && lab.h > 0) labels.push({ id: `${n.id()}:label`, x: (lab.x1 + lab.x2) / 2, y: (lab.y1 + lab.y2) / 2, w: lab.w, h: lab.h })
  })
  return { nodes, labels }
}

/** Pairs that overlap after a layout: node on node, label on label, and a label on another node's disc. */
export function drawnOverlaps(cy: Core): { nodes: number; labels: number; mixed: number } {
  const { nodes, labels } = drawnBoxes(cy)
  // A node's own label touches its own disc by design: count the pairs of different nodes only.
  const every = countOverlaps([...nodes, ...labels]) - countOwn(nodes, labels)
  const n = countOverlaps(nodes)
  const l = countOverlaps(labels)
  return { nodes: n, labels: l, mixed: every - n - l }
}

function countOwn(nodes: Box[], labels: Box[]): number {
  const byId = new Map(nodes.map((b) => [b.id, b]))
  let k = 0
  for (const l of labels) {
    const b = byId.get(l.id.replace(/:label$/, ''))
    if (b && Math.abs(b.x - l.x) * 2 < b.w + l.w && Math.abs(b.y - l.y) * 2 < b.h + l.h) k++
  }
  return k
}
