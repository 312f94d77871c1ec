// Small Cytoscape helpers the map view's hooks share. Kept apart from the
// hooks so the layout, the element sync and the toolbar fit the map the
// same way without importing one another.
import type { Core, NodeSingular } from 'cytoscape'

/** Maps this big get the cheaper drawing (no edge labels, straight edges, textures while panning). */
export const LARGE_NODES = 400
export const LARGE_EDGES = 1500

/** Fits the map, but never blows a small map up past a readable zoom. */
export function fitCalmly(cy: Core): void {
  cy.fit(undefined, 48)
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25)
    cy.center()
  }
  if (cy.nodes().nonempty()) cy.scratch('_fitView', { zoom: cy.zoom(), x: cy.pan().x, y: cy.pan().y })
}

/** The view is still the one the last fit left (the analyst has not zoomed or panned since). */
function stillFitted(cy: Core): boolean {
  const f = cy.scratch('_fitView') as { zoom: number; x: number; y: number } | undefined
  if (!f) return false
  const p = cy.pan()
  return Math.abs(f.zoom - cy.zoom()) < 1e-6 * f.zoom && Math.abs(f.x - p.x) < 0.5 && Math.abs(f.y - p.y) < 0.5
}

/**
 * The canvas changed size (the window, a pane, the evidence panel): a view
 * the analyst left as fitted is fitted again; one they zoomed or panned
 * keeps what was in its middle in the middle (the selection is kept in view
 * by reveal.ts). Without this a shrinking window leaves nodes off the right
 * edge until Fit is pressed. Call it instead of cy.resize().
 */
export function keepViewOnResize(cy: Core): void {
  const w0 = cy.width()
  const h0 = cy.height()
  const fitted = stillFitted(cy)
  cy.resize()
  const w = cy.width()
  const h = cy.height()
  // Hidden (a zero-size canvas), or the first measure: nothing to keep.
  if (!w || !h || !w0 || !h0 || (w === w0 && h === h0)) return
  if (fitted) return fitCalmly(cy)
  cy.panBy({ x: (w - w0) / 2, y: (h - h0) / 2 })
}

export const entityIdOf = (n: NodeSingular) => n.data('entityId') as number
