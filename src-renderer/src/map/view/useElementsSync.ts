// Keeps the canvas's elements in step with what the filters show. Nothing
// is rebuilt wholesale: what went away is removed, what changed is restyled
// in place (a node keeps its place), and what is new is added at its saved
// place. A map nobody arranged yet gets its layout; new entities on an
// arranged map join beside their neighbours and the rest stays put.
//
// It waits for claims and co-mentions (`mapDataReady`): a first layout
// without their edges would be a poor one, and it would be saved.
import { useEffect, useRef, type RefObject } from 'react'
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import type { MapPosition } from '@contract/types'
import { useStore } from '../../store'
import { elementSignature } from '../graph'
import { layoutNodes } from '../layoutBoxes'
import { removeOverlaps } from '../overlap'
import { placeNewNodes } from '../positions'
import { entityIdOf, fitCalmly } from './cyTools'
import type { MapCanvas } from './useCytoscape'
import type { MapLayout } from './useLayout'

export function useElementsSync(canvas: MapCanvas, layout: MapLayout, elements: ElementDefinition[], positionsRef: RefObject<Map<number, MapPosition>>): void {
  const activeMap = useStore((s) => s.activeMap)
  const mapDataReady = useStore((s) => s.mapDataReady)
  const projectPath = useStore((s) => s.project?.path)
  const guard = useStore((s) => s.guard)
  const saveMapPositions = useStore((s) => s.saveMapPositions)
  const { cyRef, shownMapRef } = canvas
  /** The view (entities or claims as nodes) last drawn: a switch to claims lays the map out anew. */
  const modeRef = useRef<string | null>(null)

  useEffect(() => {
    const cy = cyRef.current
    if (!cy || !activeMap || !mapDataReady) return
    const mapKey = `${projectPath}#${activeMap.id}`
    const switched = shownMapRef.current !== mapKey
    if (switched) {
      canvas.flushMoves()
      layout.cancelLayout()
    }
    shownMapRef.current = mapKey
    const wanted = new Map(elements.map((e) => [e.data.id as string, e]))
    const newNodes: ElementDefinition[] = []
    /** Nodes whose label text changed are re-added where they are (see below). */
    const keepAt = new Map<string, { x: number; y: number }>()
    cy.batch(() => {
      if (switched) cy.elements().remove()
      // Remove what went away; restyle what changed in place (a node keeps its place); add what is new.
      cy.elements().forEach((el) => {
        const w = wanted.get(el.id())
        if (!w || (el.isEdge() && (el.source().id() !== w.data.source || el.target().id() !== w.data.target))) {
          el.remove()
          return
        }
        const sig = elementSignature(w)
        if (el.scratch('_sig') === sig) return
        // A node whose label changes lines (a value line added or dropped) is re-added: restyled in place,
        // Cytoscape drew the new label from the old label's cached picture, squeezed to a few pixels.
        if (el.isNode() && el.data('display') !== w.data.display) {
          keepAt.set(el.id(), { ...(el as NodeSingular).position() })
          el.remove()
          return
        }
        el.data(w.data)
        el.classes((w.classes as string | undefined) ?? '')
        el.scratch('_sig', sig)
      })
      const add: ElementDefinition[] = []
      for (const e of elements) {
        if (cy.getElementById(e.data.id as string).nonempty()) continue
        if (e.group === 'nodes') {
          const saved = keepAt.get(e.data.id as string) ?? positionsRef.current.get(e.data.entityId as number)
          if (saved) add.push({ ...e, position: { x: saved.x, y: saved.y } })
          else {
            add.push(e)
            newNodes.push(e)
          }
        } else add.push(e)
      }
      const added = cy.add(add)
      added.forEach((el) => {
        el.scratch('_sig', elementSignature(wanted.get(el.id())!))
      })
      // Pinned state from the map.
      cy.nodes().forEach((n) => {
        const p = positionsRef.current.get(entityIdOf(n))
        if (p?.pinned) {
          n.lock()
          n.addClass('pinned')
        } else {
          n.unlock()
          n.removeClass('pinned')
        }
      })
    })
    const placedCount = cy.nodes().length - newNodes.length
    // Claim nodes appear together (the view switched to claims as nodes): lay the whole map out again, as the toolbar would.
    const newClaimNodes = newNodes.filter((n) => typeof n.data.entityId !== 'number').length
    const toClaims = !switched && modeRef.current === 'entities' && activeMap.settings.mode === 'claims'
    modeRef.current = activeMap.settings.mode
    if (newNodes.length && (placedCount === 0 || (toClaims && newClaimNodes > 0))) {
      // A map nobody arranged yet: lay it out with its layout, and save that.
      void layout.runLayout(activeMap.settings.layout)
    } else if (newNodes.length) {
      // New entities join beside their neighbours; the rest of the map stays as arranged.
      const newIds = new Set(newNodes.map((x) => x.data.id as string))
      const placed = new Map(cy.nodes().toArray().filter((n) => !newIds.has(n.id())).map((n) => [n.id(), (n as NodeSingular).position()]))
      const spots = placeNewNodes(
        newNodes.map((n) => n.data.id as string),
        placed,
        cy.edges().map((e) => [e.source().id(), e.target().id()])
      )
      cy.batch(() => spots.forEach((p, id) => cy.getElementById(id).position(p)))
      // Only entities have saved places; claim and value nodes (claims as nodes) are placed afresh each time.
      const moves = [...spots.entries()].flatMap(([id, p]) => {
        const entityId = cy.getElementById(id).data('entityId') as number | undefined
        return typeof entityId === 'number' ? [{ entityId, x: p.x, y: p.y, pinned: false }] : []
      })
      if (moves.length) void guard(() => saveMapPositions(moves, false))
      if (newClaimNodes) settleUnsaved(cy)
    }
    if (switched && (placedCount > 0 || !newNodes.length)) fitCalmly(cy)
    // Only a change of elements, map or readiness re-syncs; the callbacks and refs read the latest values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, activeMap?.id, mapDataReady])
}

/**
 * Claim and value nodes (claims as nodes) placed beside their entities: moved
 * off any node or label they landed on. Entities stay where the analyst put them.
 */
function settleUnsaved(cy: Core): void {
  const boxes = layoutNodes(cy).map((b) => ({ ...b, x: b.x ?? 0, y: b.y ?? 0, pinned: b.pinned || typeof cy.getElementById(b.id).data('entityId') === 'number' }))
  const at = removeOverlaps(boxes, 8)
  cy.batch(() => boxes.forEach((b) => !b.pinned && cy.getElementById(b.id).position(at[b.id]!)))
}
