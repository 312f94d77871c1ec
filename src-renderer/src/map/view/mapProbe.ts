// A read-only probe for the end-to-end tests (window.__rwbMap): node places,
// edge midpoints on screen, the layouts run and a tiled export. It only
// reads; the trade-off is one global name while the map is mounted.
import type { Core } from 'cytoscape'
import { exportPng } from '../exportImage'
import { drawnOverlaps } from '../layoutBoxes'
import type { RendererChoice } from '../webgl'
import { entityIdOf } from './cyTools'

/** The layouts run in this window (for the end-to-end tests' probe). */
export const layoutLog: { name: string; tier: string; where: string; nodes: number }[] = []

/** Puts the probe on window; returns what takes it off. */
export function installMapProbe(cy: Core, renderer: RendererChoice): () => void {
  ;(window as unknown as Record<string, unknown>).__rwbMap = {
    nodes: () =>
      cy.nodes().map((n) => ({ id: n.id(), classes: n.classes().join(' '), entityId: entityIdOf(n), label: n.data('label'), display: n.data('display'), x: n.position('x'), y: n.position('y'), rx: n.renderedPosition('x'), ry: n.renderedPosition('y'), pinned: n.locked() })),
    edges: () =>
      cy.edges().map((ed) => ({ id: ed.id(), classes: ed.classes().join(' '), label: ed.data('label'), display: ed.data('display'), source: ed.source().id(), target: ed.target().id(), mid: ed.renderedMidpoint() })),
    // A node's rendered box, its label included (canvas pixels), for the room tests.
    box: (entityId: number) => cy.getElementById(`e${entityId}`).renderedBoundingBox({ includeLabels: true }),
    /** Pairs of node boxes and of labels that overlap as drawn (layoutBoxes.ts). */
    overlaps: () => drawnOverlaps(cy),
    renderer,
    zoom: () => cy.zoom(),
    layouts: () => [...layoutLog],
    // The whole map at 2× with a title and footer, drawn in tiles of at most maxTile px.
    exportPng: (maxTile: number) =>
      exportPng(cy, { region: 'whole', size: { kind: 'scale', scale: 2 }, background: 'white', title: 'Tiled export', legend: null, footer: ['Sources: test'] }, { maxTile })
  }
  return () => {
    delete (window as unknown as Record<string, unknown>).__rwbMap
  }
}
