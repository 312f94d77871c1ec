// Which layout to run, with which settings, for a graph of a given size.
// Pure (plain JSON options), so it is unit-tested and can be posted to the
// layout worker as is.
//
// Measured on this project's 2-core machines (see test/bench/map.mjs and
// /work/shared/PLATFORM.md): fcose at quality 'default' takes ~4 s at 500
// nodes and minutes at 2,000; 'draft' (spectral only) takes ~1 s at 2,000
// but stacks the nodes of tiny graphs. So small graphs get the full
// force-directed polish, big ones the spectral draft with overlaps removed
// on a grid, and anything past a few dozen nodes runs in a Web Worker.
import type { MapLayoutName } from '@contract/types'

export type Tier = 'small' | 'medium' | 'large' | 'huge'

export function sizeTier(nodes: number, edges: number): Tier {
  if (nodes <= 60 && edges <= 240) return 'small'
  if (nodes <= 600 && edges <= 3000) return 'medium'
  if (nodes <= 2500 && edges <= 12000) return 'large'
  return 'huge'
}

export interface LayoutPlan {
  name: MapLayoutName
  tier: Tier
  /** Run off the UI thread (a Web Worker over a headless Cytoscape). */
  inWorker: boolean
  /** What the progress line says, one entry per phase. */
  phases: string[]
  /** Cytoscape layout options, phase by phase (plain JSON; functions are added where they run). */
  options: Record<string, unknown>[]
  /**
   * What every layout ends with (layoutEngine.ts): disconnected parts packed
   * in rows `packGap` apart (not for the shapes that are the point of
   * circle, concentric and grid), then node boxes at least `gap` apart.
   */
  tidy: { pack: boolean; packGap: number; gap: number }
}

const COMMON = { animate: false, fit: false, padding: 40 }
const PACKED = { pack: true, packGap: 48, gap: 8 }
const SHAPED = { pack: false, packGap: 48, gap: 8 }

/** Past this, dagre takes minutes (its ordering grows with the long edges' dummy nodes) and overflows the stack near 2,000 nodes. */
export const LAYERED_MAX = { nodes: 300, edges: 600 }

/**
 * Layered (dagre): ranks `rankdir`, room between ranks for edge labels. Graphs
 * past LAYERED_MAX get Cytoscape's breadth-first levels instead (turned to
 * read left to right): no crossing minimisation, but seconds, not minutes.
 */
function layeredOptions(tier: Tier, rankdir: 'LR' | 'TB', nodes: number, edges: number): Record<string, unknown> {
  if (nodes > LAYERED_MAX.nodes || edges > LAYERED_MAX.edges)
    return { ...COMMON, name: 'breadthfirst', directed: true, transpose: rankdir === 'LR', spacingFactor: 1, avoidOverlap: true, maximal: false, grid: false }
  const small = tier === 'small'
  return { ...COMMON, name: 'layered', rankdir, nodesep: small ? 24 : 16, ranksep: rankdir === 'LR' ? (small ? 120 : 90) : small ? 70 : 50, ranker: small ? 'network-simplex' : 'longest-path' }
}

function fcoseOptions(tier: Tier): Record<string, unknown>[] {
  const base = {
    ...COMMON,
    name: 'fcose',
    randomize: true,
    nodeRepulsion: 9000,
    idealEdgeLength: 140,
    edgeElasticity: 0.45,
    nodeSeparation: 90,
    gravity: 0.25,
    tile: true,
    // Labels are counted into the node sizes the worker is given.
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: false
  }
  switch (tier) {
    case 'small':
      return [{ ...base, quality: 'default', numIter: 2500 }]
    case 'medium':
      // fcose runs at least 5 × nodes iterations whatever numIter says: seconds, in the worker.
      return [{ ...base, quality: 'default', numIter: 1000 }]
    case 'large':
      // Spectral draft, then overlaps removed on a grid (fcose's polish would take minutes here).
      return [
        { ...base, quality: 'draft', idealEdgeLength: 90, nodeSeparation: 60 },
        { name: 'spread', gap: 14 }
      ]
    case 'huge':
      return [
        { ...base, quality: 'draft', idealEdgeLength: 80, nodeSeparation: 50, samplingType: true, sampleSize: 25 },
        { name: 'spread', gap: 10 }
      ]
  }
}

export function planLayout(name: MapLayoutName, nodes: number, edges: number): LayoutPlan {
  const tier = sizeTier(nodes, edges)
  const count = `${nodes.toLocaleString('en-US')} nodes`
  switch (name) {
    case 'fcose': {
      const options = fcoseOptions(tier)
      const phases = options.length === 2 ? [`Draft layout of ${count}`, 'Spreading overlapping nodes'] : [`Laying out ${count}`]
      return { name, tier, inWorker: tier !== 'small', phases, options, tidy: PACKED }
    }
    case 'layered':
      return { name, tier, inWorker: tier !== 'small', phases: [`Layered layout of ${count}, left to right`], options: [layeredOptions(tier, 'LR', nodes, edges)], tidy: PACKED }
    case 'concentric':
      return {
        name,
        tier,
        inWorker: false,
        phases: [`Concentric layout of ${count}`],
        // Rings by degree (most connected in the centre); the worker/view adds the function.
        options: [{ ...COMMON, name: 'concentric', concentricBy: 'degree', minNodeSpacing: tier === 'small' ? 40 : 12, avoidOverlap: true, startAngle: (3 / 2) * Math.PI }],
        tidy: SHAPED
      }
    case 'breadthfirst':
      // Top down, by the same layered engine (Cytoscape's breadthfirst put wide levels on one unreadable row).
      return { name, tier, inWorker: tier !== 'small', phases: [`Hierarchy of ${count}, top down`], options: [layeredOptions(tier, 'TB', nodes, edges)], tidy: PACKED }
    case 'circle':
      return { name, tier, inWorker: false, phases: [`Circle of ${count}`], options: [{ ...COMMON, name: 'circle', avoidOverlap: true, spacingFactor: tier === 'small' ? 1.2 : 0.9 }], tidy: SHAPED }
    case 'grid':
      return { name, tier, inWorker: false, phases: [`Grid of ${count}`], options: [{ ...COMMON, name: 'grid', avoidOverlap: true, avoidOverlapPadding: 24, condense: false }], tidy: SHAPED }
  }
}

/**
 * The box a node takes in a layout, estimated: its disc and the label under
 * it (12 px bold, wrapped at 140 px, one line per `\n`). The map measures the
 * real boxes on its canvas (layoutBoxes.ts); this is for tests and headless use.
 */
export function layoutBox(size: number, label: string): { w: number; h: number; dy: number } {
  const lines = label.split('\n')
  let labelW = 0
  let rows = 0
  for (const l of lines) {
    const w = Math.max(0, l.length) * 7.2
    labelW = Math.max(labelW, Math.min(140, w))
    rows += Math.max(1, Math.ceil(w / 140))
  }
  const labelH = label ? rows * 15 + 4 : 0
  const below = label ? 5 + labelH : 0
  return { w: Math.max(size, labelW + 4), h: size + below, dy: below / 2 }
}

export const LAYOUT_LABELS: Record<MapLayoutName, string> = {
  fcose: 'Force-directed',
  layered: 'Layered (left to right)',
  concentric: 'Concentric',
  breadthfirst: 'Hierarchy (top down)',
  circle: 'Circle',
  grid: 'Grid'
}
