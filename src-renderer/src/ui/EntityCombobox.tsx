// The one entity type-ahead (ARIA combobox with a listbox): the tag popover,
// the claim form's pickers and the merge dialog all use it, with one ranking
// (rankEntities.ts) in which aliases match too. ↑↓ move (wrapping), Enter picks
// what was typed or moved to, Tab accepts the highlighted entity (never
// creates one), Esc closes a popup list first and otherwise reaches the
// caller (the popover or dialog closes).
//
// Trade-offs: the component owns the typed text and tells the caller through
// onTextChange rather than being fully controlled, so each caller stays a few
// lines; the two list modes ('inline' always shown, 'popup' opening on
// typing, a click or ↓) cover the three callers, at the price of a few flags.
// Entities and aliases come in as props, so ui/ depends on no feature or store.
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import type { Entity, EntityAlias } from '@contract/types'
import { useTypeLookup } from '../colors'
import { aliasesByEntity, hasExactName, rankEntities, type EntityMatch } from './rankEntities'
import './combobox.css'

export type EntityChoice = { entityId: number } | { name: string; type: string }

/** For a caller that handles keys around the input (the tag popover's number keys pick a type). */
export interface EntityComboboxHandle {
  readonly input: HTMLInputElement | null
  /** Highlights the first "create new" option, if one is offered. */
  highlightCreate(): void
}

type Option = { kind: 'entity'; match: EntityMatch } | { kind: 'create'; name: string; type: string }

interface Props {
  /** The input's accessible name. */
  label: string
  /** The listbox's accessible name. */
  listLabel: string
  entities: readonly Entity[]
  aliases: readonly EntityAlias[]
  onPick(choice: EntityChoice): void
  /** 'inline': the list always shows (tag popover). 'popup': it opens on typing, a click or ↓ and closes on a pick, Esc or blur. */
  mode?: 'inline' | 'popup'
  /** Popup only: focus alone opens the list (a dialog whose one job is the pick). */
  openOnFocus?: boolean
  /** Types a new entity can be created as (one "Create …" option each); none means pick only. */
  createTypes?: readonly string[]
  /** The current choice, shown with its colour while nothing is typed. */
  chosen?: Entity | null
  /** Text typed but not picked is dropped on blur (it must not seem to stand for an entity). */
  revertOnBlur?: boolean
  initialText?: string
  /** Focus and select the text on mount. */
  autoFocus?: boolean
  selectOnFocus?: boolean
  limit?: number
  /** Shows each entity's mention count. */
  showCount?: boolean
  onTextChange?(text: string): void
  /** Enter while the list is closed (the dialog's main action). */
  onSubmit?(): void
  id?: string
  placeholder?: string
  className?: string
  inputClassName?: string
  listClassName?: string
  handleRef?: Ref<EntityComboboxHandle>
}

export function EntityCombobox(p: Props) {
  const { mode = 'popup', createTypes, limit = 8, chosen = null } = p
  const typeOf = useTypeLookup()
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  // null: nothing typed since the last pick (the chosen entity's name shows).
  const [query, setQuery] = useState<string | null>(p.initialText ?? null)
  const [open, setOpen] = useState(mode === 'inline')
  const [active, setActive] = useState(0)
  // Moved with ↑↓: Enter then picks even with nothing typed.
  const [moved, setMoved] = useState(false)

  const aliasIndex = useMemo(() => aliasesByEntity(p.aliases), [p.aliases])
  const typed = (query ?? '').trim()
  const options = useMemo<Option[]>(() => {
    const hits = rankEntities(p.entities, aliasIndex, typed, limit).map((match): Option => ({ kind: 'entity', match }))
    const name = typed.replace(/\s+/g, ' ')
    const creates = name && !hasExactName(p.entities, name) ? (createTypes ?? []).map((type): Option => ({ kind: 'create', name, type })) : []
    return [...hits, ...creates]
  }, [p.entities, aliasIndex, typed, limit, createTypes])

  const current = Math.min(active, options.length - 1)
  const shown = open && (options.length > 0 || (mode === 'popup' && typed !== ''))

  useImperativeHandle(p.handleRef, () => ({
    get input() {
      return inputRef.current
    },
    highlightCreate() {
      const i = options.findIndex((o) => o.kind === 'create')
      if (i >= 0) setActive(i)
    }
  }), [options])

  useEffect(() => {
    if (!p.autoFocus) return
    inputRef.current?.focus()
    inputRef.current?.select()
    // Mount only: a later re-render must not steal focus back.
  }, [])

  const pick = (o: Option | undefined) => {
    if (!o) return
    p.onPick(o.kind === 'entity' ? { entityId: o.match.entity.id } : { name: o.name, type: o.type })
    setQuery(null)
    setMoved(false)
    if (mode === 'popup') setOpen(false)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setMoved(true)
      if (!open) {
        // A closed list opens with its first option highlighted.
        setOpen(true)
        setActive(0)
      } else {
        setActive((a) => (n ? (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n : 0))
      }
    } else if (e.key === 'Enter' && shown && current >= 0 && (typed !== '' || moved)) {
      e.preventDefault()
      e.stopPropagation()
      pick(options[current])
    } else if (e.key === 'Enter' && !shown && p.onSubmit) {
      e.preventDefault()
      p.onSubmit()
    } else if (e.key === 'Tab' && !e.shiftKey && mode === 'popup' && shown && typed !== '' && options[current]?.kind === 'entity') {
      // Tab accepts the highlighted entity and moves on, as in most type-aheads.
      pick(options[current])
    } else if (e.key === 'Escape' && mode === 'popup' && shown) {
      // The first Esc closes the list, the next one the dialog.
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
    }
  }

  return (
    <div className={p.className ?? 'entity-picker'}>
      {chosen && query === null && <span className="dot" style={{ background: typeOf(chosen.type).color }} aria-hidden="true" />}
      <input
        ref={inputRef}
        id={p.id}
        className={p.inputClassName}
        role="combobox"
        aria-label={p.label}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && current >= 0 ? `${listId}-${current}` : undefined}
        autoComplete="off"
        placeholder={p.placeholder}
        value={query ?? chosen?.name ?? ''}
        onChange={(e) => {
          const text = e.target.value
          setQuery(text)
          setActive(0)
          setMoved(false)
          // Emptied, a popup list closes (↓ or a click shows every entity again).
          if (mode === 'popup') setOpen(text.trim() !== '' || !!p.openOnFocus)
          p.onTextChange?.(text)
        }}
        onFocus={(e) => {
          if (p.selectOnFocus) e.target.select()
          if (mode === 'popup' && p.openOnFocus) setOpen(true)
        }}
        onClick={() => setOpen(true)}
        onBlur={() => {
          if (mode === 'popup') setOpen(false)
          if (p.revertOnBlur) setQuery(null)
        }}
        onKeyDown={onKeyDown}
      />
      {(shown || mode === 'inline') && (
        <ul className={`combo-list ${p.listClassName ?? ''}`} role="listbox" id={listId} aria-label={p.listLabel}>
          {options.map((o, i) => {
            const t = typeOf(o.kind === 'entity' ? o.match.entity.type : o.type)
            return (
              <li
                key={o.kind === 'entity' ? o.match.entity.id : `new-${o.type}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className={[i === current && 'active', o.kind === 'create' && 'create'].filter(Boolean).join(' ') || undefined}
                // Focus stays in the input (no blur closes the list before the click lands).
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(o)}
              >
                <span className="dot" style={{ background: t.color }} />
                {o.kind === 'entity' ? (
                  <span className="name">
                    {o.match.entity.name}
                    {o.match.alias && <span className="muted"> · {o.match.alias}</span>}
                  </span>
                ) : (
                  <span className="name">Create “{o.name}”</span>
                )}
                <span className="muted">{o.kind === 'entity' ? t.label : `as ${t.label}`}</span>
                {p.showCount && o.kind === 'entity' && <span className="muted count">{o.match.entity.mentionCount}</span>}
              </li>
            )
          })}
          {options.length === 0 && mode === 'popup' && <li className="muted empty">No entity matches “{typed}”.</li>}
        </ul>
      )}
    </div>
  )
}
