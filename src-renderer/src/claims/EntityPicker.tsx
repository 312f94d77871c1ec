// A type-ahead over the project's entities (an ARIA combobox). Optionally
// offers to create a new entity of a few given types on the spot (a claim's
// source, "according to TSG Invest", is often not tagged anywhere yet).
import { useId, useMemo, useRef, useState } from 'react'
import type { Entity } from '@contract/types'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'

export type EntityChoice = { entityId: number } | { name: string; type: string }

interface Props {
  label: string
  /** The chosen entity, shown as the input's text until the user types. */
  value: number | null
  onChange(choice: EntityChoice | null): void
  /** Types a new entity can be created as; none means pick only. */
  createTypes?: string[]
  /** Entities not to offer (the subject as its own object). */
  exclude?: number[]
  placeholder?: string
  id?: string
  /** Clears the text after a pick (the attribution list's "add" box). */
  clearOnPick?: boolean
  /** Told the text typed but not yet picked, so a form can refuse to drop it silently. */
  onPending?(text: string): void
}

type Option = { kind: 'entity'; entity: Entity } | { kind: 'create'; name: string; type: string }

export function EntityPicker({ label, value, onChange, createTypes = [], exclude = [], placeholder, id, clearOnPick, onPending }: Props) {
  // The project's types, custom ones included (label, colour).
  const entityType = useTypeLookup()
  const entities = useStore((s) => s.entities)
  const chosen = entities.find((e) => e.id === value) ?? null
  const [query, setQuery] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const text = query ?? chosen?.name ?? ''

  const options = useMemo<Option[]>(() => {
    const q = (query ?? '').trim().toLocaleLowerCase()
    const pool = entities.filter((e) => !exclude.includes(e.id))
    const hits = (q ? pool.filter((e) => e.name.toLocaleLowerCase().includes(q)) : pool)
      .sort(
        (a, b) =>
          Number(b.name.toLocaleLowerCase() === q) - Number(a.name.toLocaleLowerCase() === q) ||
          Number(b.name.toLocaleLowerCase().startsWith(q)) - Number(a.name.toLocaleLowerCase().startsWith(q)) ||
          b.mentionCount - a.mentionCount ||
          a.name.localeCompare(b.name)
      )
      .slice(0, 8)
      .map((entity): Option => ({ kind: 'entity', entity }))
    const exact = pool.some((e) => e.name.toLocaleLowerCase() === q)
    const name = (query ?? '').trim().replace(/\s+/g, ' ')
    const creates = name && !exact ? createTypes.map((type): Option => ({ kind: 'create', name, type })) : []
    return [...hits, ...creates]
  }, [entities, exclude, query, createTypes])

  const pick = (o: Option | undefined) => {
    if (!o) return
    onChange(o.kind === 'entity' ? { entityId: o.entity.id } : { name: o.name, type: o.type })
    setQuery(clearOnPick ? '' : null)
    onPending?.('')
    setOpen(false)
  }

  const current = Math.min(active, options.length - 1)
  return (
    <div className="entity-picker">
      {chosen && !clearOnPick && query === null && <span className="dot" style={{ background: entityType(chosen.type).color }} aria-hidden="true" />}
      <input
        ref={inputRef}
        id={id}
        role="combobox"
        aria-label={label}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && current >= 0 ? `${listId}-${current}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setQuery(e.target.value)
          onPending?.(e.target.value.trim())
          setActive(0)
          // Emptied: the list closes (↓ or a click shows every entity again).
          setOpen(e.target.value.trim() !== '')
          if (!e.target.value.trim() && !clearOnPick) onChange(null)
        }}
        // The list opens on typing, a click or ↓, not on focus alone (a dialog opening must not hide the form under it).
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // Text typed but not picked does not silently stand for an entity.
          setOpen(false)
          if (!clearOnPick) setQuery(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => (options.length ? (a + 1) % options.length : 0))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => (options.length ? (a - 1 + options.length) % options.length : 0))
          } else if (e.key === 'Enter' && open && options.length > 0 && (query ?? '') !== '') {
            e.preventDefault()
            e.stopPropagation()
            pick(options[current])
          } else if (e.key === 'Tab' && !e.shiftKey && open && options[current]?.kind === 'entity' && (query ?? '').trim() !== '') {
            // Tab accepts the highlighted entity and moves on, as in most type-aheads (never creates one).
            pick(options[current])
          } else if (e.key === 'Escape' && open && options.length > 0) {
            // The first Esc closes the list, the next one the dialog.
            e.preventDefault()
            e.stopPropagation()
            setOpen(false)
          }
        }}
      />
      {open && options.length > 0 && (
        <ul className="picker-options" role="listbox" id={listId} aria-label={`${label} suggestions`}>
          {options.map((o, i) => {
            const t = entityType(o.kind === 'entity' ? o.entity.type : o.type)
            return (
              <li
                key={o.kind === 'entity' ? o.entity.id : `new-${o.type}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className={`${i === current ? 'active' : ''} ${o.kind === 'create' ? 'create' : ''}`}
                // Chosen on mouse down, before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault()
                  pick(o)
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="dot" style={{ background: t.color }} />
                <span className="name">{o.kind === 'entity' ? o.entity.name : `Create “${o.name}”`}</span>
                <span className="muted">{o.kind === 'entity' ? t.label : `as ${t.label}`}</span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
