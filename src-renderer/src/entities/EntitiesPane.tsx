// Entities with type and mention count; the selected one opens its detail
// (EntityDetail.tsx). "Types…" manages the project's entity types.
import { useEffect, useMemo, useState } from 'react'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'
import { aliasesByEntity, rankEntities } from '../ui/rankEntities'
import { useRovingList } from '../ui/useRovingList'
import { EntityDetail } from './EntityDetail'
import './entities.css'

export function EntitiesPane() {
  const entities = useStore((s) => s.entities)
  const selectedId = useStore((s) => s.selectedEntityId)
  const selectEntity = useStore((s) => s.selectEntity)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const allAliases = useStore((s) => s.allAliases)
  const typeOf = useTypeLookup()
  const [filter, setFilter] = useState('')

  // Filter by name, alias ("DoD" finds the Department of Defense) or type; the list keeps its order.
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase()
    if (!q) return entities.map((entity) => ({ entity, alias: null as string | null }))
    const byName = new Map(rankEntities(entities, aliasesByEntity(allAliases), q).map((m) => [m.entity.id, m.alias]))
    return entities
      .filter((e) => byName.has(e.id) || typeOf(e.type).label.toLocaleLowerCase().includes(q))
      .map((entity) => ({ entity, alias: byName.get(entity.id) ?? null }))
  }, [entities, allAliases, filter, typeOf])
  // One Tab stop for the whole list; arrow keys move inside it.
  const ids = useMemo(() => shown.map((x) => x.entity.id), [shown])
  const roving = useRovingList(ids, selectedId)

  return (
    <aside className="pane entities" aria-label="Entities">
      <div className="pane-head">
        <h2>Entities</h2>
        <span className="muted">{entities.length}</span>
        <button type="button" className="small" title="Add or edit entity types (colour, icon)" onClick={() => openDialog({ kind: 'entityTypes' })}>
          Types…
        </button>
      </div>
      <input className="pane-filter" placeholder="Filter entities" aria-label="Filter entities" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="entity-list" role="listbox" aria-label="Entity list" {...roving.listProps}>
        {shown.map(({ entity: e, alias }) => {
          const t = typeOf(e.type)
          return (
            <li
              key={e.id}
              role="option"
              {...roving.itemProps(e.id)}
              aria-selected={e.id === selectedId}
              className={e.id === selectedId ? 'selected' : undefined}
              onClick={() => void guard(() => selectEntity(e.id === selectedId ? null : e.id))}
              onKeyDown={(k) => k.key === 'Enter' && void guard(() => selectEntity(e.id))}
            >
              <span className="dot" style={{ background: t.color }} />
              <span className="name">
                {e.name}
                {alias && <span className="muted aka"> · {alias}</span>}
              </span>
              <span className="muted type">{t.label}</span>
              <span className="count" title="Mentions">
                {e.mentionCount}
              </span>
            </li>
          )
        })}
        {entities.length === 0 && <li className="muted empty">Select words in the reader to tag your first entity.</li>}
      </ul>
      {selectedId !== null && <EntityDetail key={selectedId} id={selectedId} />}
    </aside>
  )
}
