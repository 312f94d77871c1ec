// Level of detail for big maps: node labels are hidden while the map is
// zoomed out so far that they could not be read (under ~6 px). Cytoscape's
// performance notes recommend it; on a 3,000-node map the labels (and the
// textures Cytoscape keeps building for them) are most of a frame's cost.
// Exports draw every label whatever the zoom (see exportImage.ts).
import type { Core } from 'cytoscape'

export const NO_LABEL_CLASS = 'lod-nolabel'
/** Below this zoom, a 12 px label is under 6 px on screen. */
export const LABEL_MIN_ZOOM = 0.5

export interface LabelLod {
  /** Re-decides (the map grew or shrank past "large"). */
  refresh(): void
  dispose(): void
}

export function installLabelLod(cy: Core, isLarge: () => boolean): LabelLod {
  let hidden = false
  const apply = (force: boolean) => {
    const hide = isLarge() && cy.zoom() < LABEL_MIN_ZOOM
    if (!force && hide === hidden) return
    hidden = hide
    cy.batch(() => {
      if (hide) cy.nodes().addClass(NO_LABEL_CLASS)
      else cy.nodes(`.${NO_LABEL_CLASS}`).removeClass(NO_LABEL_CLASS)
    })
  }
  // Once per frame at most, however many zoom or add events came.
  let queued = false
  let forceNext = false
  const schedule = (force: boolean) => {
    forceNext ||= force
    if (queued) return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      const f = forceNext
      forceNext = false
      apply(f)
    })
  }
  const onZoom = () => schedule(false)
  const onAdd = () => schedule(true)
  cy.on('zoom', onZoom)
  cy.on('add', 'node', onAdd)
  apply(true)
  return {
    refresh: () => schedule(true),
    dispose() {
      cy.off('zoom', onZoom)
      cy.off('add', 'node', onAdd)
    }
  }
}

/** Shows every label (exports draw them whatever the zoom); returns how to hide them again. */
export function showAllLabels(cy: Core): () => void {
  const hidden = cy.nodes(`.${NO_LABEL_CLASS}`)
  hidden.removeClass(NO_LABEL_CLASS)
  return () => void hidden.addClass(NO_LABEL_CLASS)
}
