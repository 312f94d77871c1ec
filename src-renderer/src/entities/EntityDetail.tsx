// The selected entity: name (rename), type, actions (tag all, merge, link,
// delete), aliases, notes, past merges (split), links and mentions.
import { useEffect } from 'react'
import { shownIcon, useTypeLookup } from '../colors'
import { useStore } from '../store'
import { AliasList } from './AliasList'
import { EntityLinks } from './EntityLinks'
import { EntityNameField } from './EntityNameField'
import { MergeHistory } from './MergeHistory'
import { NotesField } from './NotesField'

export function EntityDetail({ id }: { id: number }) {
  const entity = useStore((s) => s.entities.find((e) => e.id === id))
  const entities = useStore((s) => s.entities)
  const mentions = useStore((s) => s.selectedMentions)
  const types = useStore((s) => s.entityTypes)
  const openDocument = useStore((s) => s.openDocument)
  const openDialog = useStore((s) => s.openDialog)
  const updateEntity = useStore((s) => s.updateEntity)
  const refreshEntityDetail = useStore((s) => s.refreshEntityDetail)
  const guard = useStore((s) => s.guard)
  const typeOf = useTypeLookup()

  // Read when another entity is selected; alias and merge changes keep it current (store/changes.ts).
  useEffect(() => {
    void guard(refreshEntityDetail)
  }, [id, guard, refreshEntityDetail])

  if (!entity) return null
  const t = typeOf(entity.type)
  const knownType = types.some((x) => x.key === entity.type)

  return (
    <section className="entity-detail" aria-label={`Entity ${entity.name}`}>
      <div className="entity-detail-head">
        <span className="dot big" style={{ background: t.color }} />
        {t.icon && (
          <span className="type-icon" aria-hidden="true">
            {t.icon}
          </span>
        )}
        <EntityNameField id={id} name={entity.name} />
      </div>
      <div className="entity-detail-row">
        <select
          aria-label="Entity type"
          className="entity-type-select"
          value={entity.type}
          onChange={(e) => void guard(() => updateEntity({ id, type: e.target.value }))}
        >
          {types.map((x) => (
            <option key={x.key} value={x.key}>
              {shownIcon(x) ? `${shownIcon(x)} ` : ''}
              {x.label}
            </option>
          ))}
          {!knownType && <option value={entity.type}>{t.label}</option>}
        </select>
        <button type="button" onClick={() => openDialog({ kind: 'tagAll', entityId: id })} title="Find the name and aliases in the documents and tag them">
          Tag all mentions…
        </button>
      </div>
      <div className="entity-detail-row">
        <button type="button" className="small" onClick={() => openDialog({ kind: 'merge', entityId: id })} title="Merge this entity with a duplicate">
          Merge…
        </button>
        <button
          type="button"
          className="small"
          onClick={() => openDialog({ kind: 'claim', mode: 'judgement', subjectId: id })}
          title="Link this entity to another, or state a value, as your own analyst judgement (no passage behind it). For a link a source states, select its words and press C."
        >
          Link to…
        </button>
        <button type="button" className="small danger" onClick={() => openDialog({ kind: 'deleteEntity', entityId: id })}>
          Delete…
        </button>
      </div>

      <AliasList entityId={id} />
      <NotesField id={id} notes={entity.notes} />
      <MergeHistory entityId={id} />

      <EntityLinks id={id} />

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
