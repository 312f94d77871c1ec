// The popover of one suggestion (click it, or Enter on it): its words, the
// layer that proposed it and how sure it is, a parsed value for money, dates
// and percentages; the type and the entity to tag it as (the matching entity
// when the name or an alias is known, else a new one: type another name to
// pick another entity or name the new one); Accept (A), Accept all N of this
// name, Reject (X), Never suggest this name, and New claim with this value.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { EntitySuggestion } from '@contract/types'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'
import { accept, reject } from './actions'
import { sameName, tagType, useSuggest } from './state'
import { valueLabel } from './values'

interface Props {
  documentId: number
  suggestions: readonly EntitySuggestion[]
  /** Returns the focus to the suggestion's words in the text. */
  onDone(s: EntitySuggestion): void
}

const SOURCE: Record<EntitySuggestion['source'], string> = {
  dictionary: 'a name in this project',
  rule: 'a money, date or percentage rule',
  model: 'the language model',
  heuristic: 'capitalised words and their context'
}

/** The sentence around a span: what a claim from a suggested value quotes. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let a = start
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--
  while (a < start && /\s/.test(text[a]!)) a++
  let b = end
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++
  if (b < text.length && text[b] !== '\n') b++
  return { start: a, end: b }
}

export function SuggestionPopover({ documentId, suggestions, onDone }: Props) {
  const open = useSuggest((s) => s.open)
  const setOpen = useSuggest((s) => s.setOpen)
  const entities = useStore((s) => s.entities)
  const allAliases = useStore((s) => s.allAliases)
  const entityTypes = useStore((s) => s.entityTypes)
  const openDialog = useStore((s) => s.openDialog)
  const docText = useStore((s) => s.doc?.text ?? '')
  const typeOf = useTypeLookup()
  const listId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const s = open?.suggestion ?? null
  const known = useMemo(() => {
    if (!s) return null
    if (s.entityId !== undefined) return entities.find((e) => e.id === s.entityId) ?? null
    const k = s.text.toLocaleLowerCase()
    const own = entities.find((e) => e.name.toLocaleLowerCase() === k)
    if (own) return own
    const alias = allAliases.find((a) => a.name.toLocaleLowerCase() === k)
    return alias ? (entities.find((e) => e.id === alias.entityId) ?? null) : null
  }, [s, entities, allAliases])
  const [name, setName] = useState('')
  const [type, setType] = useState('Other')
  useEffect(() => {
    if (!s) return
    setName(known?.name ?? s.text)
    setType(known?.type ?? tagType(s))
    ref.current?.querySelector<HTMLButtonElement>('button.primary')?.focus()
  }, [s, known])

  if (!open || !s) return null
  const same = sameName(suggestions, s)
  const picked = entities.find((e) => e.name === name.trim()) ?? null
  const target = picked ? { entityId: picked.id, name: picked.name, type: picked.type } : { name: name.trim() || s.text, type }
  const close = () => {
    setOpen(null)
    onDone(s)
  }
  const look = typeOf(picked?.type ?? type)
  const types = entityTypes.some((t) => t.key === type) ? entityTypes : [...entityTypes, { key: type, label: typeOf(type).label, color: typeOf(type).color, icon: '', builtIn: true }]

  return (
    <div
      ref={ref}
      className="popover suggestion-popover"
      style={{ left: open.x, top: open.y }}
      role="dialog"
      aria-label={`Suggestion “${s.text}”`}
      onMouseDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
          return
        }
        if ((e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT' || e.altKey || e.ctrlKey || e.metaKey) return
        if (e.key === 'a' || e.key === 'A') {
          e.preventDefault()
          void accept(documentId, [s], target)
        } else if (e.key === 'x' || e.key === 'X') {
          e.preventDefault()
          void reject(documentId, [s])
        }
      }}
    >
      <div className="sg-head">
        <span className="dot" style={{ background: look.color }} />
        <strong>{s.text}</strong>
        <span className="muted">
          {' '}
          · suggested by {SOURCE[s.source]} · {Math.round(s.score * 100)}%
        </span>
      </div>
      {s.value && <div className="sg-value">Value: {valueLabel(s.value)}</div>}
      <div className="sg-fields">
        <label>
          Tag as{' '}
          <input
            className="sg-entity"
            list={listId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void accept(documentId, [s], target)
              }
            }}
            aria-describedby={`${listId}-hint`}
          />
          <datalist id={listId}>
            {entities.slice(0, 2000).map((e) => (
              <option key={e.id} value={e.name} />
            ))}
          </datalist>
        </label>
        <label>
          Type{' '}
          <select className="sg-type" value={picked?.type ?? type} disabled={!!picked} onChange={(e) => setType(e.target.value)}>
            {types.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="popover-hint" id={`${listId}-hint`}>
        {picked ? `Tags the words as the existing entity “${picked.name}”.` : `Creates the entity “${target.name}”.`}
      </p>
      <div className="row-actions sg-actions">
        <button type="button" className="primary" aria-keyshortcuts="A" onClick={() => void accept(documentId, [s], target)}>
          Accept <kbd>A</kbd>
        </button>
        {same.length > 1 && (
          <button type="button" onClick={() => void accept(documentId, same, target)}>
            Accept all {same.length}
          </button>
        )}
        <button type="button" aria-keyshortcuts="X" onClick={() => void reject(documentId, [s])}>
          Reject <kbd>X</kbd>
        </button>
      </div>
      <div className="row-actions sg-actions">
        <button type="button" className="link" onClick={() => void reject(documentId, [s], true)}>
          Never suggest “{s.text}”
        </button>
        {s.value && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setOpen(null)
              const p = sentenceAround(docText, s.start, s.end)
              openDialog({ kind: 'claim', mode: 'new', passage: { documentId, ...p, text: docText.slice(p.start, p.end) } })
            }}
          >
            New claim with this value…
          </button>
        )}
      </div>
    </div>
  )
}
