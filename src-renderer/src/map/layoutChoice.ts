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
}

const COMMON = { animate: false, fit: false, padding: 40 }

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
      return { name, tier, inWorker: tier !== 'small', phases, options }
    }
    case 'concentric':
      return {
        name,
        tier,
        inWorker: false,
        phases: [`Concentric layout of ${count}`],
        // Rings by degree (most connected in the centre); the worker/view adds the function.
        options: [{ ...COMMON, name: 'concentric', concentricBy: 'degree', minNodeSpacing: tier === 'small' ? 40 : 12, avoidOverlap: true, startAngle: (3 / 2) * Math.PI }]
      }
    case 'breadthfirst':
      return {
        name,
        tier,
        inWorker: false,
        phases: [`Hierarchy of ${count}`],
        options: [{ ...COMMON, name: 'breadthfirst', directed: true, spacingFactor: tier === 'small' ? 1.3 : 1, avoidOverlap: true, maximal: false, grid: tier !== 'small' }]
      }
    case 'circle':
      return { name, tier, inWorker: false, phases: [`Circle of ${count}`], options: [{ ...COMMON, name: 'circle', avoidOverlap: true, spacingFactor: tier === 'small' ? 1.2 : 0.9 }] }
    case 'grid':
      return { name, tier, inWorker: false, phases: [`Grid of ${count}`], options: [{ ...COMMON, name: 'grid', avoidOverlap: true, avoidOverlapPadding: 24, condense: false }] }
  }
}

/** The box a node takes in a layout: its disc, widened for its label (the worker cannot measure text). */
export function layoutBox(size: number, label: string): { w: number; h: number } {
  const labelW = Math.min(140, Math.max(0, label.length) * 6.8)
  return { w: Math.max(size, labelW), h: size + 20 }
}

export const LAYOUT_LABELS: Record<MapLayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric',
  breadthfirst: 'Hierarchy',
  circle: 'Circle',
  grid: 'Grid'
}
