// The relationship map. This component alone owns the Cytoscape instance.
import cytoscape, { type Core } from 'cytoscape'
import fcose from 'cytoscape-fcose'
import { useEffect, useMemo, useRef } from 'react'
import { ENTITY_TYPES } from '@contract/vocabulary'
import { useStore } from '../store'
import { buildElements, elementsKey } from './graph'
import { setMapHandle } from './mapHandle'
import { MAP_STYLE } from './mapStyle'

cytoscape.use(fcose)

// Passing maxWidth with scale makes Cytoscape skip the screen's pixel ratio,
// so an export at 2x is exactly twice the map's size on every display.
const NO_PIXEL_RATIO = { maxWidth: Number.MAX_SAFE_INTEGER }

function runLayout(cy: Core): void {
  if (cy.nodes().length === 0) return
  cy.layout({
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 140,
    nodeSeparation: 90,
    // Labels count as part of a node, so long names never overlap.
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    padding: 40
  } as cytoscape.LayoutOptions).run()
  fitCalmly(cy)
}

/** Fits the map, but never blows a small map up past a readable zoom. */
function fitCalmly(cy: Core): void {
  cy.fit(undefined, 48)
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25)
    cy.center()
  }
}

export function MapView() {
  const entities = useStore((s) => s.entities)
  const relations = useStore((s) => s.relations)
  const coMentions = useStore((s) => s.coMentions)
  const showCoMentions = useStore((s) => s.showCoMentions)
  const setShowCoMentions = useStore((s) => s.setShowCoMentions)
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const selectEntity = useStore((s) => s.selectEntity)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const containerRef = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)

  const elements = useMemo(() => buildElements({ entities, relations, coMentions, showCoMentions }), [entities, relations, coMentions, showCoMentions])
  const key = useMemo(() => elementsKey(elements), [elements])

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current,
      style: MAP_STYLE,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false
    })
    cyRef.current = cy
    cy.on('tap', 'node', (e) => void guard(() => selectEntity(e.target.data('entityId') as number)))
    cy.on('tap', (e) => {
      if (e.target === cy) void selectEntity(null)
    })
    setMapHandle({
      pngSize: (scale) => {
        const bb = cy.elements().boundingBox()
        return { width: Math.ceil(bb.w) * scale, height: Math.ceil(bb.h) * scale }
      },
      png: async (scale) => {
        const blob = (await cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff', ...NO_PIXEL_RATIO })) as Blob
        return new Uint8Array(await blob.arrayBuffer())
      },
      nodeCount: () => cy.nodes().length
    })
    return () => {
      setMapHandle(null)
      cy.destroy()
      cyRef.current = null
    }
  }, [guard, selectEntity])

  // Replace the elements and lay out again only when the structure changes.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.elements().remove()
      cy.add(elements)
    })
    runLayout(cy)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.nodes().unselect()
    if (selectedEntityId !== null) cy.getElementById(`e${selectedEntityId}`).select()
  }, [selectedEntityId, key])

  const usedTypes = ENTITY_TYPES.filter((t) => entities.some((e) => e.type === t.key))

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label="Map">
        <label className="checkbox">
          <input type="checkbox" checked={showCoMentions} onChange={(e) => void guard(() => setShowCoMentions(e.target.checked))} />
          Co-mentions (same paragraph)
        </label>
        <button type="button" onClick={() => cyRef.current && runLayout(cyRef.current)}>
          Re-layout
        </button>
        <button type="button" onClick={() => cyRef.current && fitCalmly(cyRef.current)}>
          Fit
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => openDialog({ kind: 'exportPng' })}>
          Export PNG…
        </button>
      </div>
      <div className="map-canvas" ref={containerRef} aria-label="Relationship map" data-nodes={entities.length} data-edges={elements.length - entities.length} />
      {entities.length === 0 && <div className="map-empty muted">Tag entities in the reader and link them to build the map.</div>}
      <div className="map-legend" aria-label="Legend">
        {usedTypes.map((t) => (
          <span key={t.key} className="legend-item">
            <span className="dot" style={{ background: t.color }} />
            {t.label}
          </span>
        ))}
        <span className="legend-item">
          <span className="legend-line solid" />
          link
        </span>
        {showCoMentions && (
          <span className="legend-item">
            <span className="legend-line dashed" />
            co-mention
          </span>
        )}
      </div>
    </div>
  )
}
