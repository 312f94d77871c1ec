// The evidence panel never hides what it is about: when the selection is
// off the canvas's visible part (the panel opened beside it and the canvas
// narrowed, a keyboard move went past the edge, the window shrank), the map
// pans just enough to bring it back with a margin, or fits it when it is
// bigger than the canvas. Panning, not re-fitting: the rest of the map stays
// where the analyst put it.
//
// Trade-off: a check after every canvas resize while something is selected,
// and after each selection change, two animation frames later (once the
// panel is laid out and Cytoscape knows its new size). A short animation
// (200 ms) shows where the map moved; the end-to-end tests wait for it.
import { useEffect, type RefObject } from 'react'
import type { Core, CollectionReturnValue } from 'cytoscape'
import type { MapSelection } from '../../store/mapSlice'

const MARGIN = 28

/**
 * Pans (or fits) so `ele` is fully inside the canvas; true when it moved the
 * view. While the view is already moving (find on map centring a node, a
 * fit) it leaves it alone unless `interrupt` (a key press moving the
 * selection must win over the pan of the key press before).
 */
export function revealElement(cy: Core, ele: CollectionReturnValue, interrupt = false): boolean {
  if (ele.empty() || !ele.visible()) return false
  if (cy.animated() && !interrupt) return false
  const bb = ele.renderedBoundingBox({ includeLabels: true, includeOverlays: false })
  const w = cy.width()
  const h = cy.height()
  if (!w || !h) return false
  if (bb.w > w - 2 * MARGIN || bb.h > h - 2 * MARGIN) {
    cy.stop()
    cy.animate({ fit: { eles: ele, padding: MARGIN } }, { duration: 200 })
    return true
  }
  const dx = bb.x1 < MARGIN ? MARGIN - bb.x1 : bb.x2 > w - MARGIN ? w - MARGIN - bb.x2 : 0
  const dy = bb.y1 < MARGIN ? MARGIN - bb.y1 : bb.y2 > h - MARGIN ? h - MARGIN - bb.y2 : 0
  if (!dx && !dy) return false
  cy.stop()
  cy.animate({ panBy: { x: dx, y: dy } }, { duration: 200 })
  return true
}

function selected(cy: Core, sel: MapSelection, entityId: number | null): CollectionReturnValue | null {
  if (sel?.kind === 'edge') return cy.getElementById(sel.edgeId)
  const id = sel?.kind === 'node' ? sel.entityId : entityId
  return id === null ? null : cy.getElementById(`e${id}`)
}

/** Keeps the map's selection (the evidence panel's subject, or the selected entity) in view. */
export function useRevealSelection(cyRef: RefObject<Core | null>, containerRef: RefObject<HTMLElement | null>, sel: MapSelection, entityId: number | null): void {
  useEffect(() => {
    const cy = cyRef.current
    const box = containerRef.current
    if (!cy || !box || (!sel && entityId === null)) return
    let frame = 0
    const check = () => {
      cancelAnimationFrame(frame)
      // Two frames: the panel is laid out, then Cytoscape has taken the canvas's new size.
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          cy.resize()
          const ele = selected(cy, sel, entityId)
          if (ele) revealElement(cy, ele)
        })
      })
    }
    check()
    const ro = new ResizeObserver(check)
    ro.observe(box)
    return () => {
      cancelAnimationFrame(frame)
      ro.disconnect()
    }
  }, [cyRef, containerRef, sel, entityId])
}
