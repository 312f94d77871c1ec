// A type-ahead entity select: type to filter, ↑↓ to move, Enter to pick.
// It is a combobox with a listbox, so screen readers announce the choice.
import { useId, useMemo, useState } from 'react'
import type { Entity } from '@contract/types'
import { useTypeLookup } from '../colors'

interface Props {
  label: string
  entities: Entity[]
  value: number | null
  onChange(id: number | null): void
  /** Enter once an entity is picked (the list is closed): the dialog's main action. */
  onSubmit?(): void
}

const MAX_SHOWN = 50

export function EntityPicker({ label, entities, value, onChange, onSubmit }: Props) {
  const typeOf = useTypeLookup()
  const listId = useId()
  const picked = entities.find((e) => e.id === value) ?? null
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(true)

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase()
    const hits = q ? entities.filter((e) => e.name.toLocaleLowerCase().includes(q)) : entities
    // Names that start with what was typed first, then shorter names.
    return [...hits]
      .sort((a, b) => Number(b.name.toLocaleLowerCase().startsWith(q)) - Number(a.name.toLocaleLowerCase().startsWith(q)) || a.name.localeCompare(b.name))
      .slice(0, MAX_SHOWN)
  }, [entities, query])

  const pick = (e: Entity | undefined) => {
    if (!e) return
    onChange(e.id)
    setQuery('')
    setOpen(false)
  }

  return (
    <div className="entity-picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active]!.id}` : undefined}
        placeholder={picked ? `${picked.name} — type to change` : 'Type a name…'}
        value={query}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(a + 1, matches.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter' && open) {
            e.preventDefault()
            pick(matches[active])
          } else if (e.key === 'Enter' && picked && onSubmit) {
            e.preventDefault()
            onSubmit()
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={`${label} choices`} className="entity-picker-list">
          {matches.map((e, i) => {
            const t = typeOf(e.type)
            return (
              <li
                key={e.id}
                id={`${listId}-${e.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(ev) => ev.preventDefault()}
                onClick={() => pick(e)}
              >
                <span className="dot" style={{ background: t.color }} />
                <span className="name">{e.name}</span>
                <span className="muted">{t.label}</span>
                <span className="muted count">{e.mentionCount}</span>
              </li>
            )
          })}
          {matches.length === 0 && <li className="muted empty">No entity matches “{query.trim()}”.</li>}
        </ul>
      )}
    </div>
  )
}
