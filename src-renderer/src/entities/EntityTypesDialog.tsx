// "Entity types": the built-in FollowTheMoney-like types (read-only) and the
// project's own, each with a label, a colour and an icon. New types show up
// at once in the tag popover, the type select, highlights and the map.
import { useState } from 'react'
import type { EntityTypeInfo } from '@contract/types'
import { shownIcon } from '../colors'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { plural } from './format'

/** Colours that read well as highlight tints; a new type gets the first unused one. */
const PALETTE = ['#9c36b5', '#e8590c', '#0b7285', '#5f3dc4', '#a61e4d', '#2f9e44', '#1864ab', '#d6336c', '#66a80f', '#364fc7']

function nextColor(types: EntityTypeInfo[]): string {
  const used = new Set(types.map((t) => t.color.toLowerCase()))
  return PALETTE.find((c) => !used.has(c)) ?? PALETTE[types.length % PALETTE.length]!
}

interface Draft {
  label: string
  color: string
  icon: string
}

/** Label, colour (picker + hex) and icon inputs, shared by "add" and "edit". */
function TypeFields({ draft, onChange, idPrefix, onEnter }: { draft: Draft; onChange(d: Draft): void; idPrefix: string; onEnter(): void }) {
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      onEnter()
    }
  }
  return (
    <>
      <input
        id={`${idPrefix}-label`}
        className="type-label-input"
        aria-label="Type label"
        placeholder="Label, e.g. Weapon system"
        maxLength={60}
        value={draft.label}
        onChange={(e) => onChange({ ...draft, label: e.target.value })}
        onKeyDown={enter}
      />
      <input
        type="color"
        aria-label="Type colour"
        className="type-color-input"
        value={draft.color}
        onChange={(e) => onChange({ ...draft, color: e.target.value })}
      />
      <input
        aria-label="Type colour as hex"
        className="type-hex-input"
        maxLength={7}
        value={draft.color}
        onChange={(e) => onChange({ ...draft, color: e.target.value.trim() })}
        onKeyDown={enter}
      />
      <input
        aria-label="Type icon"
        className="type-icon-input"
        placeholder="Icon"
        title="An emoji or a short symbol"
        maxLength={8}
        value={draft.icon}
        onChange={(e) => onChange({ ...draft, icon: e.target.value })}
        onKeyDown={enter}
      />
    </>
  )
}

const validColor = (c: string) => /^#[0-9a-fA-F]{6}$/.test(c)

export function EntityTypesDialog({ onClose }: { onClose(): void }) {
  const types = useStore((s) => s.entityTypes)
  const entities = useStore((s) => s.entities)
  const createEntityType = useStore((s) => s.createEntityType)
  const updateEntityType = useStore((s) => s.updateEntityType)
  const guard = useStore((s) => s.guard)
  const [adding, setAdding] = useState<Draft>(() => ({ label: '', color: nextColor(types), icon: '' }))
  const [editing, setEditing] = useState<{ key: string; draft: Draft } | null>(null)

  const used = (key: string) => entities.filter((e) => e.type === key).length

  const add = async () => {
    if (!adding.label.trim() || !validColor(adding.color)) return
    const t = await guard(() => createEntityType({ label: adding.label.trim(), color: adding.color, icon: adding.icon.trim() }))
    if (t) setAdding({ label: '', color: nextColor([...types, t]), icon: '' })
  }
  const save = async () => {
    if (!editing || !editing.draft.label.trim() || !validColor(editing.draft.color)) return
    const d = editing.draft
    const t = await guard(() => updateEntityType({ key: editing.key, label: d.label.trim(), color: d.color, icon: d.icon.trim() }))
    if (t) setEditing(null)
  }

  return (
    <Modal
      title="Entity types"
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="types-dialog">
        <ul className="types-list" aria-label="Entity types">
          {types.map((t) =>
            editing?.key === t.key ? (
              <li key={t.key} className="types-row editing" aria-label={`Edit ${t.label}`}>
                <TypeFields draft={editing.draft} onChange={(draft) => setEditing({ key: t.key, draft })} idPrefix={`type-${t.key}`} onEnter={() => void save()} />
                <button type="button" className="small primary" onClick={() => void save()} disabled={!editing.draft.label.trim() || !validColor(editing.draft.color)}>
                  Save
                </button>
                <button type="button" className="small" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </li>
            ) : (
              <li key={t.key} className="types-row" aria-label={t.label}>
                <span className="dot" style={{ background: t.color }} />
                <span className="type-icon" aria-hidden="true">
                  {shownIcon(t)}
                </span>
                <span className="type-name">{t.label}</span>
                <span className="muted type-used">{used(t.key) ? plural(used(t.key), 'entity', 'entities') : ''}</span>
                {t.builtIn ? (
                  <span className="muted type-builtin">built-in</span>
                ) : (
                  <button type="button" className="small" aria-label={`Edit ${t.label}`} onClick={() => setEditing({ key: t.key, draft: { label: t.label, color: t.color, icon: t.icon } })}>
                    Edit
                  </button>
                )}
              </li>
            )
          )}
        </ul>
        <h3 className="types-add-head">Add a type</h3>
        <div
          className="types-row adding"
          role="group"
          aria-label="New type"
          style={{ borderLeftColor: validColor(adding.color) ? adding.color : 'transparent' }}
        >
          <TypeFields draft={adding} onChange={setAdding} idPrefix="type-new" onEnter={() => void add()} />
          <button type="button" className="small primary" disabled={!adding.label.trim() || !validColor(adding.color)} onClick={() => void add()}>
            Add type
          </button>
        </div>
        {!validColor(adding.color) ? (
          <p className="muted types-note">A colour is written #rrggbb.</p>
        ) : (
          <p className="muted types-note">Your types follow the numbered ones in the tag popover, and colour highlights and the map.</p>
        )}
      </div>
    </Modal>
  )
}
