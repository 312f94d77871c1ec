// "Find on map": picks an entity the map shows by name (exact, then prefix,
// then substring), selects it everywhere and centres it. Choosing a name
// from the suggestions finds it at once; anything else waits for Enter.
import { useMemo, useState, type RefObject } from 'react'
import type { Core } from 'cytoscape'
import type { Entity } from '@contract/types'
import { useStore } from '../../store'

/** Suggestions offered in the datalist (a longer list only slows the browser). */
const MAX_SUGGESTIONS = 500

export function MapSearch({ cyRef, entities }: { cyRef: RefObject<Core | null>; entities: Entity[] }) {
  const selectEntity = useStore((s) => s.selectEntity)
  const selectOnMap = useStore((s) => s.selectOnMap)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [search, setSearch] = useState('')
  const names = useMemo(() => entities.map((e) => e.name).sort((a, b) => a.localeCompare(b)), [entities])

  const findNode = (q: string) => {
    const cy = cyRef.current
    const query = q.trim().toLocaleLowerCase()
    if (!cy || !query) return
    const exact = entities.find((e) => e.name.toLocaleLowerCase() === query)
    const hit = exact ?? entities.find((e) => e.name.toLocaleLowerCase().startsWith(query)) ?? entities.find((e) => e.name.toLocaleLowerCase().includes(query))
    if (!hit) {
      notify('error', `No entity on this map matches “${q.trim()}”.`)
      return
    }
    const n = cy.getElementById(`e${hit.id}`)
    selectOnMap({ kind: 'node', entityId: hit.id })
    void guard(() => selectEntity(hit.id))
    // Centre once the evidence column has opened and the canvas has its new width.
    requestAnimationFrame(() => requestAnimationFrame(() => cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 })))
  }

  return (
    <form
      className="map-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        findNode(search)
      }}
    >
      <input
        type="search"
        aria-label="Find on map"
        placeholder="Find on map…"
        list="map-node-names"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value)
          if (names.includes(e.target.value)) findNode(e.target.value)
        }}
      />
      <datalist id="map-node-names">
        {names.slice(0, MAX_SUGGESTIONS).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </form>
  )
}
