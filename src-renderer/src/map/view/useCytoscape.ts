// The map's one Cytoscape instance: made when the view mounts, destroyed
// when it unmounts. Only the map feature touches Cytoscape, and within it
// only the view's hooks (through `cyRef`); the rest of the app reaches the
// map through the store and the export handle (mapHandle.ts).
//
// The instance lives in a ref, not in state: creating it must not re-render,
// and the hooks after this one read `cyRef.current` in their effects, which
// React runs in the order the hooks are called (so this hook comes first).
import cytoscape, { type Core } from 'cytoscape'
import fcose from 'cytoscape-fcose'
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { useStore } from '../../store'
import { setMapHandle } from '../mapHandle'
import { mapStyle } from '../mapStyle'
import { chooseRenderer, type RendererChoice } from '../webgl'
import { bindTaps, watchDrags, type NodeMenuAt } from './cyEvents'
import { keepViewOnResize } from './cyTools'
import { installMapProbe } from './mapProbe'

let registered = false
function registerExtensions(): void {
  if (registered) return
  registered = true
  cytoscape.use(fcose)
}

export interface MapCanvas {
  containerRef: RefObject<HTMLDivElement | null>
  cyRef: RefObject<Core | null>
  /** Which map the canvas shows (`project#map`); null until its elements are on it. */
  shownMapRef: RefObject<string | null>
  renderer: RendererChoice
  /** Saves dragged node places that are still waiting, now. */
  flushMoves(): void
}

/** Makes the instance, binds the canvas events, and keeps the drawing cheap on big maps (`large`). */
export function useCytoscape(large: boolean, setMenu: (m: NodeMenuAt | null) => void): MapCanvas {
  const containerRef = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const [renderer] = useState(chooseRenderer)
  const shownMapRef = useRef<string | null>(null)
  const flushMovesRef = useRef<() => void>(() => {})

  useEffect(() => {
    registerExtensions()
    const cy = cytoscape({
      container: containerRef.current,
      style: mapStyle({ large: false }),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      // Performance settings (Cytoscape's docs): no motion blur, textures and hidden edges while the view moves on big maps.
      motionBlur: false,
      ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {})
    } as cytoscape.CytoscapeOptions)
    cyRef.current = cy
    shownMapRef.current = null
    // The canvas narrows when the evidence column opens or the window shrinks: tell Cytoscape, and keep the view sensible.
    const resizer = new ResizeObserver(() => keepViewOnResize(cy))
    resizer.observe(containerRef.current!)
    bindTaps(cy, setMenu)
    const flushMoves = watchDrags(cy)
    flushMovesRef.current = flushMoves
    const removeProbe = installMapProbe(cy, renderer)
    return () => {
      flushMoves()
      resizer.disconnect()
      setMapHandle(null)
      removeProbe()
      cy.destroy()
      cyRef.current = null
    }
  }, [renderer, setMenu])

  // Cheaper drawing for big maps; the app's theme (the store's, so the map follows the OS or the user's choice).
  const dark = useStore((s) => s.theme === 'dark')
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.style(mapStyle({ large, dark }))
    // Read by the export handle, which draws exports in the light palette and puts this one back.
    cy.scratch('rwbStyle', { large, dark })
    const r = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer()
    r.hideEdgesOnViewport = large
    r.textureOnViewport = large
  }, [large, dark])

  const flushMoves = useCallback(() => flushMovesRef.current(), [])
  return { containerRef, cyRef, shownMapRef, renderer, flushMoves }
}
