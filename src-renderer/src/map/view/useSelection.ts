// The selection shows on the map: the selected entity (chosen here or in the
// entities pane) and the selected edge (its evidence is in the inspector).
// Pinning lives here too because it acts on the selected node: a pinned node
// is locked where it is, and re-layouts leave it in place.
import { useCallback, useEffect, type RefObject } from 'react'
import type { Core, ElementDefinition } from 'cytoscape'
import type { MapPosition } from '@contract/types'
import { useStore } from '../../store'

export interface MapPinning {
  setPinned(ids: number[], pin: boolean): void
  /** Whether the entity selected now is pinned on this map. */
  selectedPinned: boolean
}

export function useSelection(cyRef: RefObject<Core | null>, elements: ElementDefinition[], positions: Map<number, MapPosition>): MapPinning {
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const mapSelection = useStore((s) => s.mapSelection)
  const guard = useStore((s) => s.guard)
  const saveMapPositions = useStore((s) => s.saveMapPositions)

  // Selection from the entities pane (or the map) shows on the map.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.nodes(':selected').unselect()
      if (selectedEntityId !== null) cy.getElementById(`e${selectedEntityId}`).select()
    })
  }, [cyRef, selectedEntityId, elements])
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.edges(':selected').unselect()
    if (mapSelection?.kind === 'edge') cy.getElementById(mapSelection.edgeId).select()
  }, [cyRef, mapSelection, elements])

  const setPinned = useCallback(
    (ids: number[], pin: boolean) => {
      const cy = cyRef.current
      if (!cy) return
      const moves: MapPosition[] = []
      for (const id of ids) {
        const n = cy.getElementById(`e${id}`)
        if (n.empty()) continue
        if (pin) n.lock().addClass('pinned')
        else n.unlock().removeClass('pinned')
        moves.push({ entityId: id, x: n.position('x'), y: n.position('y'), pinned: pin })
      }
      if (moves.length) void guard(() => saveMapPositions(moves, false))
    },
    [cyRef, guard, saveMapPositions]
  )
  const selectedPinned = selectedEntityId !== null && !!positions.get(selectedEntityId)?.pinned
  return { setPinned, selectedPinned }
}
