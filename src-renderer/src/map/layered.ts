// The layered (hierarchical) layout: ranks left to right (or top down), so a
// chain reads as a line and a tree as a tree, with the node boxes (labels
// included) and room for edge labels between the ranks.
//
// Engine: dagre (@dagrejs/dagre, the maintained fork), not ELK (elkjs):
// dagre is synchronous like every other layout here, so it runs inside the
// same one-call pipeline (seeding, packing, overlap removal) in the layout
// worker or on this thread, and it is ~50 KB against ELK's ~1.5 MB compiled
// Java. ELK draws fewer crossings on big dense graphs; for the chains and
// trees an analyst hands in, dagre's Sugiyama layering is the same picture.
// Medium graphs use the fast longest-path ranking; past LAYERED_MAX
// (layoutChoice.ts) dagre takes minutes and overflows the stack near 2,000
// nodes, so big maps get breadth-first levels instead. Deterministic for the
// same input order.
import { Graph, layout } from '@dagrejs/dagre'
import type { Box, Placed } from './overlap'

export interface LayeredOptions {
  rankdir: 'LR' | 'TB'
  /** Space between nodes of one rank, and between ranks (room for edge labels). */
  nodesep: number
  ranksep: number
  ranker: 'network-simplex' | 'tight-tree' | 'longest-path'
}

export function layeredPositions(boxes: readonly Box[], edges: readonly { source: string; target: string }[], o: LayeredOptions): Placed {
  const g = new Graph<Record<string, unknown>, { width: number; height: number }, Record<string, unknown>>({ multigraph: false })
  g.setGraph({ rankdir: o.rankdir, nodesep: o.nodesep, ranksep: o.ranksep, edgesep: 12, ranker: o.ranker, acyclicer: 'greedy', marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const b of boxes) g.setNode(b.id, { width: b.w, height: b.h })
  for (const e of edges) if (e.source !== e.target && g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target)
  layout(g)
  const out: Placed = {}
  for (const b of boxes) {
    const n = g.node(b.id) as { x?: number; y?: number } | undefined
    // dagre places the box's centre; the node's place is the disc's.
    out[b.id] = { x: (n?.x ?? 0) - (b.dx ?? 0), y: (n?.y ?? 0) - (b.dy ?? 0) }
  }
  return out
}
