// What the analyst does on the canvas: a tap selects (on the map and in the
// entities pane), a right-click opens the node menu, and a dragged node keeps
// its place. The handlers read the store through getState, so they are bound
// once per Cytoscape instance rather than re-bound on every render; the cost
// is that they must not rely on React state captured at bind time.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'
import type { MapPosition } from '@contract/types'
import { useStore } from '../../store'
import { edgeKindOf } from '../legend'
import { entityIdOf } from './cyTools'

/** Where the node menu opens, and for which entity. */
export interface NodeMenuAt {
  entityId: number
  x: number
  y: number
}

/** Taps select nodes and edges (or nothing, on the background); a right-click on a node opens its menu. */
export function bindTaps(cy: Core, setMenu: (m: NodeMenuAt | null) => void): void {
  const st = useStore.getState
  cy.on('tap', 'node', (e) => {
    const id = entityIdOf(e.target as NodeSingular)
    setMenu(null)
    if (typeof id !== 'number') return selectClaimNode(e.target as NodeSingular)
    st().selectOnMap({ kind: 'node', entityId: id })
    // Selecting on the map selects the entity everywhere (the entities pane shows it).
    void st().guard(() => st().selectEntity(id))
  })
  cy.on('tap', 'edge', (e) => {
    const edge = e.target as EdgeSingular
    const kind = edgeKindOf(edge.classes().join(' '))
    setMenu(null)
    // A part of a claim drawn as a node: the claim's evidence.
    if (kind === 'claimpart' || kind === 'attribution') return selectClaimNode(edge.target().hasClass('claimnode') ? edge.target() : edge.source())
    st().selectOnMap({
      kind: 'edge',
      edgeId: edge.id(),
      edgeKind: kind === 'comention' ? 'comention' : 'claim',
      sourceId: entityIdOf(edge.source()),
      targetId: entityIdOf(edge.target()),
      label: String(edge.data('label') ?? ''),
      claimIds: (edge.data('claimIds') as number[] | undefined) ?? []
    })
  })
  cy.on('tap', (e) => {
    if (e.target !== cy) return
    setMenu(null)
    st().selectOnMap(null)
    void st().selectEntity(null)
  })
  cy.on('cxttap', 'node', (e) => {
    const n = e.target as NodeSingular
    if (typeof entityIdOf(n) !== 'number') return
    const p = n.renderedPosition()
    setMenu({ entityId: entityIdOf(n), x: p.x, y: p.y })
  })
}

/** A claim or value node (claims as nodes) shows its claim's evidence, as a claim edge does. */
function selectClaimNode(n: NodeSingular): void {
  const subjectId = n.data('subjectId') as number | undefined
  const claimIds = (n.data('claimIds') as number[] | undefined) ?? []
  const claim = useStore.getState().claimList.find((c) => c.id === claimIds[0])
  const from = subjectId ?? claim?.subjectId
  if (from === undefined) return
  const objectId = (n.data('objectId') as number | null | undefined) ?? (claim?.object.kind === 'entity' ? claim.object.entityId : null)
  useStore.getState().selectOnMap({
    kind: 'edge',
    edgeId: n.id(),
    edgeKind: 'claim',
    sourceId: from,
    targetId: objectId ?? from,
    label: claim ? `${claim.predicate} ${objectId === null ? claim.objectLabel : ''}`.trim() : String(n.data('label') ?? ''),
    claimIds
  })
}

/**
 * A dragged node keeps its place on the map it was dragged on, saved a
 * moment after the last drag (one write for a burst of drags). Returns
 * `flush`, which saves what is pending now (before a map switch, on unmount).
 */
export function watchDrags(cy: Core): () => void {
  const st = useStore.getState
  /** Dragged nodes not saved yet, and the map they were dragged on. */
  const pending = { mapId: -1, moves: new Map<number, MapPosition>() }
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    const { mapId, moves } = pending
    if (!moves.size) return
    const list = [...moves.values()]
    moves.clear()
    void st().guard(() => st().saveMapPositions(list, false, mapId))
  }
  cy.on('dragfree', 'node', (e) => {
    const n = e.target as NodeSingular
    const id = entityIdOf(n)
    const mapId = st().activeMap?.id
    // Claim and value nodes (claims as nodes) have no saved places.
    if (mapId === undefined || typeof id !== 'number') return
    if (pending.mapId !== mapId) flush()
    pending.mapId = mapId
    pending.moves.set(id, { entityId: id, x: n.position('x'), y: n.position('y'), pinned: n.locked() })
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = setTimeout(flush, 400)
  })
  return flush
}
