// Entities with type and mention count; the selected one shows its mentions
// (each in its sentence, click to jump) and its links.
import { useMemo, useState } from 'react'
import { ENTITY_TYPES, entityType, relationType } from '@contract/vocabulary'
import { useStore } from '../store'

export function EntitiesPane() {
  const entities = useStore((s) => s.entities)
  const selectedId = useStore((s) => s.selectedEntityId)
  const selectEntity = useStore((s) => s.selectEntity)
  const guard = useStore((s) => s.guard)
  const [filter, setFilter] = useState('')

  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase()
    return q ? entities.filter((e) => e.name.toLocaleLowerCase().includes(q) || entityType(e.type).label.toLocaleLowerCase().includes(q)) : entities
  }, [entities, filter])

  return (
    <aside className="pane entities" aria-label="Entities">
      <div className="pane-head">
        <h2>Entities</h2>
        <span className="muted">{entities.length}</span>
      </div>
      <input className="pane-filter" placeholder="Filter entities" aria-label="Filter entities" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="entity-list" role="listbox" aria-label="Entity list">
        {shown.map((e) => {
          const t = entityType(e.type)
          return (
            <li
              key={e.id}
              role="option"
              tabIndex={0}
              aria-selected={e.id === selectedId}
              className={e.id === selectedId ? 'selected' : undefined}
              onClick={() => void guard(() => selectEntity(e.id === selectedId ? null : e.id))}
              onKeyDown={(k) => k.key === 'Enter' && void guard(() => selectEntity(e.id))}
            >
              <span className="dot" style={{ background: t.color }} />
              <span className="name">{e.name}</span>
              <span className="muted type">{t.label}</span>
              <span className="count" title="Mentions">
                {e.mentionCount}
              </span>
            </li>
          )
        })}
        {entities.length === 0 && <li className="muted empty">Select words in the reader to tag your first entity.</li>}
      </ul>
      {selectedId !== null && <EntityDetail id={selectedId} />}
    </aside>
  )
}

function EntityDetail({ id }: { id: number }) {
  const entity = useStore((s) => s.entities.find((e) => e.id === id))
  const entities = useStore((s) => s.entities)
  const relations = useStore((s) => s.relations)
  const mentions = useStore((s) => s.selectedMentions)
  const openDocument = useStore((s) => s.openDocument)
  const openDialog = useStore((s) => s.openDialog)
  const updateEntity = useStore((s) => s.updateEntity)
  const deleteRelation = useStore((s) => s.deleteRelation)
  const selectEntity = useStore((s) => s.selectEntity)
  const guard = useStore((s) => s.guard)
  if (!entity) return null
  const t = entityType(entity.type)
  const name = (eid: number) => entities.find((e) => e.id === eid)?.name ?? '?'
  const links = relations.filter((r) => r.sourceId === id || r.targetId === id)

  return (
    <section className="entity-detail" aria-label={`Entity ${entity.name}`}>
      <div className="entity-detail-head">
        <span className="dot big" style={{ background: t.color }} />
        <h3>{entity.name}</h3>
      </div>
      <div className="entity-detail-row">
        <select aria-label="Entity type" value={entity.type} onChange={(e) => void guard(() => updateEntity({ id, type: e.target.value }))}>
          {ENTITY_TYPES.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => openDialog({ kind: 'link', entityId: id })}>
          Link to…
        </button>
        <button type="button" className="danger" onClick={() => openDialog({ kind: 'deleteEntity', entityId: id })}>
          Delete…
        </button>
      </div>

      <h4>
        Links <span className="muted">{links.length}</span>
      </h4>
      <ul className="link-list">
        {links.map((r) => (
          <li key={r.id}>
            <span className="link-text">
              {r.sourceId === id ? (
                <>
                  <em>{r.label || relationType(r.type).verb}</em> →{' '}
                  <button type="button" className="link" onClick={() => void guard(() => selectEntity(r.targetId))}>
                    {name(r.targetId)}
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="link" onClick={() => void guard(() => selectEntity(r.sourceId))}>
                    {name(r.sourceId)}
                  </button>{' '}
                  → <em>{r.label || relationType(r.type).verb}</em>
                </>
              )}
            </span>
            <button type="button" className="icon danger" aria-label="Delete link" title="Delete link" onClick={() => void guard(() => deleteRelation(r.id))}>
              ✕
            </button>
          </li>
        ))}
        {links.length === 0 && <li className="muted">No links yet.</li>}
      </ul>

      <h4>
        Mentions <span className="muted">{entity.mentionCount}</span>
      </h4>
      <ul className="mention-list">
        {mentions.map((m) => (
          <li key={m.id}>
            <button type="button" className="mention-jump" onClick={() => void guard(() => openDocument(m.documentId, { start: m.start, end: m.end }))}>
              <span className="muted mention-doc">
                {m.documentTitle}
                {m.page !== null && ` · p. ${m.page}`}
              </span>
              <span className="sentence">
                {m.sentence.slice(0, Math.max(0, m.sentenceStart))}
                <mark style={{ background: `${t.color}33` }}>{m.sentence.slice(Math.max(0, m.sentenceStart), m.sentenceStart + m.quote.length)}</mark>
                {m.sentence.slice(m.sentenceStart + m.quote.length)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
