// The popover that tags a selection: type-ahead over existing entities, or
// create a new one with a name and a type. Enter confirms, Esc cancels.
import { useEffect, useMemo, useRef, useState } from 'react'
import { ENTITY_TYPES } from '@contract/vocabulary'
import { useTypeLookup } from '../colors'
import { aliasesByEntity, matchEntities } from '../entities'
import { useStore } from '../store'

/**
 * Number keys pick a type while the prefilled name is still wholly selected
 * (the user has not started typing); afterwards they type into the name, and
 * Alt+number still picks a type.
 */
function untouched(input: HTMLInputElement | null): boolean {
  return !!input && input.value.length > 0 && input.selectionStart === 0 && input.selectionEnd === input.value.length
}

interface Props {
  x: number
  y: number
  selectedText: string
  onPick(target: { entityId: number } | { name: string; type: string }): void
  onClose(): void
  /** Records a claim on the selected words instead (C while the name is untouched, or Alt+C). */
  onNewClaim?(): void
}

export function TagPopover({ x, y, selectedText, onPick, onClose, onNewClaim }: Props) {
  const entities = useStore((s) => s.entities)
  // The project's types: number keys 1…0 pick the first ten, custom ones follow.
  const types = useStore((s) => s.entityTypes)
  const entityType = useTypeLookup()
  const [query, setQuery] = useState(selectedText.replace(/\s+/g, ' ').trim().slice(0, 200))
  const [type, setType] = useState<string>(ENTITY_TYPES[1]!.key)
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  // Names and aliases: selecting "the Pentagon" offers the entity that has it as an alias.
  const allAliases = useStore((s) => s.allAliases)
  const aliasIndex = useMemo(() => aliasesByEntity(allAliases), [allAliases])
  const found = useMemo(() => matchEntities(entities, aliasIndex, query, 8), [entities, aliasIndex, query])
  const matches = useMemo(() => found.map((m) => m.entity), [found])

  const exact = matches.find((e) => e.name.toLocaleLowerCase() === query.trim().toLocaleLowerCase())
  // Options: existing matches, then "create new" last.
  const optionCount = matches.length + (exact ? 0 : 1)
  const createIndex = exact ? -1 : matches.length

  const confirm = (index: number) => {
    if (index === createIndex) {
      if (query.trim()) onPick({ name: query.trim(), type })
      return
    }
    const e = matches[index]
    if (e) onPick({ entityId: e.id })
  }

  return (
    <div
      className="popover tag-popover"
      style={{ left: x, top: y }}
      role="dialog"
      aria-label="Tag selection"
      onMouseDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onClose()
        } else if (e.key === 'ArrowDown') {
          e.preventDefault()
          setActive((a) => (a + 1) % Math.max(1, optionCount))
        } else if (e.key === 'ArrowUp') {
          e.preventDefault()
          setActive((a) => (a - 1 + optionCount) % Math.max(1, optionCount))
        } else if (e.key === 'Enter') {
          e.preventDefault()
          confirm(Math.min(active, optionCount - 1))
        } else if (onNewClaim && !e.ctrlKey && !e.metaKey && (e.key.toLowerCase() === 'c' || (e.altKey && e.code === 'KeyC')) && (e.altKey || untouched(inputRef.current))) {
          e.preventDefault()
          onNewClaim()
        } else if (/^[0-9]$/.test(e.key) && (e.altKey || untouched(inputRef.current))) {
          const t = types[(Number(e.key) + 9) % 10]
          if (t) {
            e.preventDefault()
            setType(t.key)
            // Picking a type means creating a new entity with it.
            const create = matches.length + (exact ? 0 : 1) - 1
            setActive(exact ? active : create)
          }
        }
      }}
    >
      <input
        ref={inputRef}
        className="tag-input"
        aria-label="Entity name"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        placeholder="Entity name…"
      />
      <ul className="tag-options" role="listbox" aria-label="Entities">
        {matches.map((e, i) => (
          <li
            key={e.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => confirm(i)}
          >
            <span className="dot" style={{ background: entityType(e.type).color }} />
            <span className="name">
              {e.name}
              {found[i]?.alias && <span className="muted"> · {found[i]!.alias}</span>}
            </span>
            <span className="muted">{entityType(e.type).label}</span>
          </li>
        ))}
        {createIndex >= 0 && (
          <li
            role="option"
            aria-selected={active === createIndex}
            className={`create ${active === createIndex ? 'active' : ''}`}
            onMouseEnter={() => setActive(createIndex)}
            onClick={() => confirm(createIndex)}
          >
            <span className="dot" style={{ background: entityType(type).color }} />
            <span className="name">Create “{query.trim() || '…'}”</span>
            <span className="muted">as {entityType(type).label}</span>
          </li>
        )}
      </ul>
      {createIndex >= 0 && (
        <div className="type-picker" role="radiogroup" aria-label="Type of the new entity">
          {types.map((t, i) => (
            <button
              key={t.key}
              type="button"
              role="radio"
              aria-label={t.label}
              aria-checked={type === t.key}
              className={type === t.key ? 'type-chip selected' : 'type-chip'}
              title={i < 10 ? `${t.label} (${(i + 1) % 10})` : t.label}
              onClick={() => {
                setType(t.key)
                setActive(createIndex)
                inputRef.current?.focus()
              }}
            >
              <span className="dot" style={{ background: t.color }} />
              {i < 10 && <kbd>{(i + 1) % 10}</kbd>} {!t.builtIn && t.icon && <span aria-hidden="true">{t.icon}</span>} {t.label}
            </button>
          ))}
        </div>
      )}
      {onNewClaim && (
        <button type="button" className="popover-claim" onClick={onNewClaim} title="Record who says what about whom in these words (C)">
          <span>New claim from these words…</span>
          <kbd>C</kbd>
        </button>
      )}
      <div className="popover-hint">1…0 type · ↑↓ choose · Enter tag · Esc cancel</div>
    </div>
  )
}
