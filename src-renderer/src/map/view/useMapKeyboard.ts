// The map from the keyboard. The canvas is one Tab stop (role="application",
// see MapView for why); there the arrow keys move the selection to the
// nearest node in that direction (keyboardNav.ts), Enter or Space opens its
// evidence, the context-menu key (or Shift+F10) opens its menu, + and -
// zoom, 0 fits. Escape is the shell's command (it closes the node menu, then
// the evidence, then leaves focus mode). What is selected is spoken through
// a polite live region: its name, type and number of claims on the map.
//
// Trade-offs: only entity nodes take part (a node without an entity id, such
// as a claim drawn as a node, is skipped); the node places are read from
// Cytoscape on each key press rather than cached, so a drag or a layout is
// never out of step (linear in the node count, well under a millisecond at
// 8,000 nodes).
import { useCallback, useMemo, type KeyboardEvent, type RefObject } from 'react'
import type { Core, NodeSingular } from 'cytoscape'
import type { Entity } from '@contract/types'
import { lookupType } from '../../colors'
import { useStore } from '../../store'
import type { MapClaim } from '../edgesFromClaims'
import { ARROW_DIRECTIONS, nearestInDirection, nearestTo, nodeAnnouncement, type NavPoint } from '../keyboardNav'
import { fitCalmly } from './cyTools'
import type { NodeMenuAt } from './cyEvents'
import { revealElement } from './reveal'

function navPoints(cy: Core): NavPoint[] {
  const out: NavPoint[] = []
  cy.nodes(':visible').forEach((n: NodeSingular) => {
    const id = n.data('entityId') as unknown
    if (typeof id === 'number') out.push({ id, x: n.position('x'), y: n.position('y') })
  })
  return out
}

export interface MapKeyboard {
  onKeyDown(e: KeyboardEvent<HTMLElement>): void
  /** The live region's text. */
  announcement: string
}

export function useMapKeyboard(cyRef: RefObject<Core | null>, entities: Entity[], claims: MapClaim[], openMenu: (m: NodeMenuAt) => void, isPinned: (id: number) => boolean): MapKeyboard {
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const mapSelection = useStore((s) => s.mapSelection)
  const entityTypes = useStore((s) => s.entityTypes)

  const select = useCallback((id: number) => {
    const st = useStore.getState()
    // The evidence panel, when open on a node, follows the selection.
    if (st.mapSelection?.kind === 'node') st.selectOnMap({ kind: 'node', entityId: id })
    void st.guard(() => st.selectEntity(id))
  }, [])

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const cy = cyRef.current
      if (!cy || e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return
      const current = useStore.getState().selectedEntityId
      const node = current !== null ? cy.getElementById(`e${current}`) : null
      const here = node && node.nonempty() && node.visible() ? node : null
      const dir = ARROW_DIRECTIONS[e.key]
      if (dir) {
        e.preventDefault()
        const points = navPoints(cy)
        let next: number | null
        if (here) next = nearestInDirection(points, { id: current!, x: here.position('x'), y: here.position('y') }, dir)
        else {
          // Nothing selected yet: start from the node nearest the middle of the view.
          const ext = cy.extent()
          next = nearestTo(points, (ext.x1 + ext.x2) / 2, (ext.y1 + ext.y2) / 2)
        }
        if (next === null) return
        select(next)
        revealElement(cy, cy.getElementById(`e${next}`), true)
      } else if ((e.key === 'Enter' || e.key === ' ') && here) {
        e.preventDefault()
        useStore.getState().selectOnMap({ kind: 'node', entityId: current! })
      } else if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && here) {
        e.preventDefault()
        const p = here.renderedPosition()
        openMenu({ entityId: current!, x: p.x, y: p.y })
      } else if (e.key === '+' || e.key === '=' || e.key === '-') {
        e.preventDefault()
        const w = cy.width()
        const h = cy.height()
        cy.zoom({ level: cy.zoom() * (e.key === '-' ? 1 / 1.25 : 1.25), renderedPosition: { x: w / 2, y: h / 2 } })
      } else if (e.key === '0') {
        e.preventDefault()
        fitCalmly(cy)
      }
    },
    [cyRef, select, openMenu]
  )

  const announcement = useMemo(() => {
    const name = (id: number) => entities.find((x) => x.id === id)?.name ?? '?'
    if (mapSelection?.kind === 'edge') {
      const n = mapSelection.claimIds.length
      return `${name(mapSelection.sourceId)} to ${name(mapSelection.targetId)}: ${mapSelection.label || 'co-mention'}${n ? `, ${n === 1 ? '1 claim' : `${n} claims`}` : ''}`
    }
    if (selectedEntityId === null) return ''
    const entity = entities.find((x) => x.id === selectedEntityId)
    if (!entity) return ''
    const count = claims.filter((c) => c.subjectId === entity.id || c.objectId === entity.id).length
    const text = nodeAnnouncement(entity.name, lookupType(entityTypes, entity.type).label, count, isPinned(entity.id))
    return mapSelection?.kind === 'node' ? `${text}. Evidence shown.` : text
  }, [mapSelection, selectedEntityId, entities, claims, entityTypes, isPinned])

  return { onKeyDown, announcement }
}
