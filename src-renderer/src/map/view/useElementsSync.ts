// Keeps the canvas's elements in step with what the filters show. Nothing
// is rebuilt wholesale: what went away is removed, what changed is restyled
// in place (a node keeps its place), and what is new is added at its saved
// place. A map nobody arranged yet gets its layout; new entities on an
// arranged map join beside their neighbours and the rest stays put.
//
// It waits for claims and co-mentions (`mapDataReady`): a first layout
// without their edges would be a poor one, and it would be saved.
import { useEffect, type RefObject } from 'react'
import type { ElementDefinition, NodeSingular } from 'cytoscape'
import type { MapPosition } from '@contract/types'
import { useStore } from '../../store'
import { elementSignature } from '../graph'
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
        el.data(w.data)
        el.classes((w.classes as string | undefined) ?? '')
        el.scratch('_sig', sig)
      })
      const add: ElementDefinition[] = []
      for (const e of elements) {
        if (cy.getElementById(e.data.id as string).nonempty()) continue
        if (e.group === 'nodes') {
          const saved = positionsRef.current.get(e.data.entityId as number)
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
    if (newNodes.length && placedCount === 0) {
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
      const moves = [...spots.entries()].map(([id, p]) => ({ entityId: Number(id.slice(1)), x: p.x, y: p.y, pinned: false }))
      void guard(() => saveMapPositions(moves, false))
    }
    if (switched && (placedCount > 0 || !newNodes.length)) fitCalmly(cy)
    // Only a change of elements, map or readiness re-syncs; the callbacks and refs read the latest values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, activeMap?.id, mapDataReady])
}
