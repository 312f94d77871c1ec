// The attribution chain: who stands behind the claim, outermost first (the
// outlet that reported it, then whom it quotes). Each link is a Source or
// Person entity; new ones are only created when the claim is saved.
import { useState } from 'react'
import { ATTRIBUTION_ROLES, type AttributionRole } from '@contract/types'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'
import { EntityPicker } from './EntityPicker'
import type { AttributionHint } from './prefill'

/** A link of the chain being edited: an existing entity, or one to create on save. */
export type AttributionDraft = { role: AttributionRole } & ({ entityId: number } | { name: string; type: string })

const CREATE_TYPES = ['Source', 'Person']

function sameTarget(a: AttributionDraft, b: { entityId: number } | { name: string }): boolean {
  if ('entityId' in a && 'entityId' in b) return a.entityId === b.entityId
  if ('name' in a && 'name' in b) return a.name.toLowerCase() === b.name.toLowerCase()
  return false
}

interface Props {
  value: AttributionDraft[]
  onChange(v: AttributionDraft[]): void
  hints: AttributionHint[]
  /** Text typed in the "add" box but not added yet. */
  onPending?(text: string): void
}

export function AttributionEditor({ value, onChange, hints, onPending }: Props) {
  // The project's types, custom ones included (label, colour).
  const entityType = useTypeLookup()
  const entities = useStore((s) => s.entities)
  const [role, setRole] = useState<AttributionRole>(value.length ? 'according to' : 'reported by')
  const nameOf = (a: AttributionDraft) => ('entityId' in a ? entities.find((e) => e.id === a.entityId)?.name ?? '?' : a.name)
  const typeOf = (a: AttributionDraft) => ('entityId' in a ? entities.find((e) => e.id === a.entityId)?.type ?? '' : a.type)

  const add = (item: AttributionDraft) => {
    if (value.some((v) => sameTarget(v, item) && v.role === item.role)) return
    onChange([...value, item])
    setRole('according to')
  }
  const move = (i: number, d: -1 | 1) => {
    const next = [...value]
    const [x] = next.splice(i, 1)
    next.splice(i + d, 0, x!)
    onChange(next)
  }

  // A hint names an existing entity when the name matches one (case folded).
  const resolved = hints
    .map((h) => {
      const e = entities.find((x) => x.name.toLocaleLowerCase() === h.name.toLocaleLowerCase())
      return { hint: h, item: (e ? { role: h.role, entityId: e.id } : { role: h.role, name: h.name, type: h.type }) as AttributionDraft, exists: !!e }
    })
    .filter((r) => !value.some((v) => sameTarget(v, 'entityId' in r.item ? r.item : { name: r.hint.name })))

  return (
    <div className="attribution-editor">
      {value.length > 0 && (
        <ol className="attribution-list" aria-label="Attribution chain">
          {value.map((a, i) => {
            const t = entityType(typeOf(a))
            return (
              <li key={`${'entityId' in a ? a.entityId : a.name}-${i}`}>
                <select
                  aria-label={`Role of ${nameOf(a)}`}
                  value={a.role}
                  onChange={(e) => onChange(value.map((v, j) => (j === i ? { ...v, role: e.target.value as AttributionRole } : v)))}
                >
                  {ATTRIBUTION_ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
                <span className="dot" style={{ background: t.color }} />
                <span className="attr-name">{nameOf(a)}</span>
                <span className="muted attr-type">
                  {t.label}
                  {'name' in a && ' · new'}
                </span>
                <span className="attr-actions">
                  <button type="button" className="icon" aria-label={`Move ${nameOf(a)} up`} title="Move up" disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="icon" aria-label={`Move ${nameOf(a)} down`} title="Move down" disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="icon danger" aria-label={`Remove ${nameOf(a)}`} title="Remove" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    ✕
                  </button>
                </span>
              </li>
            )
          })}
        </ol>
      )}
      <div className="attribution-add">
        <select aria-label="Role of the new source" value={role} onChange={(e) => setRole(e.target.value as AttributionRole)}>
          {ATTRIBUTION_ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <EntityPicker
          label="Add source or person"
          value={null}
          clearOnPick
          createTypes={CREATE_TYPES}
          placeholder="Outlet, source or person…"
          onPending={onPending}
          onChange={(c) => c && add({ role, ...c })}
        />
      </div>
      {resolved.length > 0 && (
        <div className="attribution-hints">
          <span className="muted">From the text:</span>
          {resolved.map((r) => (
            <button key={`${r.hint.role}-${r.hint.name}`} type="button" className="hint-chip" title={r.exists ? 'Add this entity' : `Add as a new ${entityType(r.hint.type).label}`} onClick={() => add(r.item)}>
              + {r.hint.role} <strong>{r.hint.name}</strong>
              {!r.exists && <span className="muted"> (new)</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
