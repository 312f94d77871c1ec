// The popover that tags a selection: the shared entity type-ahead
// (ui/EntityCombobox) over existing entities, or create a new one with a name
// and a type. Enter confirms, Esc cancels; number keys pick the type.
import { useMemo, useRef, useState } from 'react'
import { ENTITY_TYPES } from '@contract/vocabulary'
import { useStore } from '../store'
import { EntityCombobox, type EntityComboboxHandle } from '../ui/EntityCombobox'
import { hasExactName } from '../ui/rankEntities'
import { trapTab } from '../ui/useFocusTrap'

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
  // Names and aliases: selecting "the Pentagon" offers the entity that has it as an alias.
  const aliases = useStore((s) => s.allAliases)
  // The project's types: number keys 1…0 pick the first ten, custom ones follow.
  const types = useStore((s) => s.entityTypes)
  const initial = useMemo(() => selectedText.replace(/\s+/g, ' ').trim().slice(0, 200), [selectedText])
  const [text, setText] = useState(initial)
  const [type, setType] = useState<string>(ENTITY_TYPES[1]!.key)
  const combo = useRef<EntityComboboxHandle>(null)
  // Tab stays inside; the reader gives the focus back to the text when it was opened from there.
  const box = useRef<HTMLDivElement>(null)
  // The type picker shows while "create new" is on offer (no entity has this exact name).
  const creating = !hasExactName(entities, text)
  const createTypes = useMemo(() => [type], [type])

  // Picking a type means creating a new entity with it.
  const chooseType = (key: string) => {
    setType(key)
    combo.current?.highlightCreate()
  }

  return (
    <div
      ref={box}
      className="popover tag-popover"
      style={{ left: x, top: y }}
      role="dialog"
      aria-label="Tag selection"
      onMouseDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        const input = combo.current?.input ?? null
        trapTab(e, box.current)
        if (e.key === 'Escape') {
          e.preventDefault()
          onClose()
        } else if (onNewClaim && !e.ctrlKey && !e.metaKey && (e.key.toLowerCase() === 'c' || (e.altKey && e.code === 'KeyC')) && (e.altKey || untouched(input))) {
          e.preventDefault()
          onNewClaim()
        } else if (/^[0-9]$/.test(e.key) && (e.altKey || untouched(input))) {
          const t = types[(Number(e.key) + 9) % 10]
          if (t) {
            e.preventDefault()
            chooseType(t.key)
          }
        }
      }}
    >
      <EntityCombobox
        handleRef={combo}
        mode="inline"
        className="tag-combobox"
        label="Entity name"
        inputClassName="tag-input"
        placeholder="Entity name…"
        listLabel="Entities"
        listClassName="tag-options"
        entities={entities}
        aliases={aliases}
        createTypes={createTypes}
        initialText={initial}
        autoFocus
        onTextChange={setText}
        onPick={onPick}
      />
      {creating && (
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
                chooseType(t.key)
                combo.current?.input?.focus()
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
