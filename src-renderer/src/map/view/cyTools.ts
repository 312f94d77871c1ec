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
}

export const entityIdOf = (n: NodeSingular) => n.data('entityId') as number
