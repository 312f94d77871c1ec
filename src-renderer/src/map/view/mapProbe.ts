// A read-only probe for the end-to-end tests (window.__rwbMap): node places,
// edge midpoints on screen, the layouts run and a tiled export. It only
// reads; the trade-off is one global name while the map is mounted.
import type { Core } from 'cytoscape'
import type { ExportSpec } from '../exportImage'
import { exportPng } from '../export/raster'
import { contentRect, planExport } from '../export/sheet'
import { mapHandle } from '../mapHandle'
import { edgeLabelBoxes, edgeLabelOverlaps } from '../edgeLabelFit'
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
    /** Pairs of node boxes and of labels that overlap as drawn (layoutBoxes.ts)… */
    /** …and edge labels on edge labels, and on node discs or labels (edgeLabelFit.ts). */
    overlaps: () => ({ ...drawnOverlaps(cy), ...edgeLabelOverlaps(cy) }),
    /** Edge label boxes as drawn: centre, size, angle (radians). */
    edgeLabelBoxes: () => edgeLabelBoxes(cy),
    /**
     * Where each node's centre lands on the sheet of a whole-map PNG at `scale` with the dialog's defaults
     * (the map's name as title, its legend and footer), and the sheet's size: to check an export shows what the screen does.
     */
    sheetPoints: (scale: number) => {
      const h = mapHandle()
      const spec: ExportSpec = { region: 'whole', size: { kind: 'scale', scale }, background: 'white', title: h?.mapName() ?? null, legend: h?.legend() ?? null, footer: h?.sources() ?? null }
      const sheet = planExport(cy, spec)
      const c = contentRect(cy, 'whole')
      const at = (v: number, o: number, c0: number) => o + sheet.k * (v - c0)
      return {
        width: sheet.width,
        height: sheet.height,
        k: sheet.k,
        nodes: cy.nodes().map((n) => ({ id: n.id(), color: String(n.data('color') ?? ''), size: n.width(), x: at(n.position('x'), sheet.offsetX, c.x), y: at(n.position('y'), sheet.offsetY, c.y) }))
      }
    },
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
