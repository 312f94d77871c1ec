// The claim form's entity picker: the shared type-ahead (ui/EntityCombobox)
// over the project's entities, optionally offering to create a new entity of
// a few given types on the spot (a claim's source, "according to TSG Invest",
// is often not tagged anywhere yet).
import { useMemo } from 'react'
import { EntityCombobox, type EntityChoice } from '../ui/EntityCombobox'
import { useStore } from '../store'

export type { EntityChoice }

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

export function EntityPicker({ label, value, onChange, createTypes, exclude, placeholder, id, clearOnPick, onPending }: Props) {
  const entities = useStore((s) => s.entities)
  const aliases = useStore((s) => s.allAliases)
  const pool = useMemo(() => (exclude?.length ? entities.filter((e) => !exclude.includes(e.id)) : entities), [entities, exclude])
  const chosen = clearOnPick ? null : (entities.find((e) => e.id === value) ?? null)
  return (
    <EntityCombobox
      id={id}
      label={label}
      listLabel={`${label} suggestions`}
      listClassName="picker-options"
      entities={pool}
      aliases={aliases}
      createTypes={createTypes}
      chosen={chosen}
      placeholder={placeholder}
      // The list opens on typing, a click or ↓, not on focus alone (a dialog opening must not hide the form under it).
      selectOnFocus
      revertOnBlur={!clearOnPick}
      onTextChange={(text) => {
        onPending?.(text.trim())
        if (!text.trim() && !clearOnPick) onChange(null)
      }}
      onPick={(choice) => {
        onChange(choice)
        onPending?.('')
      }}
    />
  )
}
