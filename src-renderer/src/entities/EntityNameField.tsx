// The entity's name as a heading; "Rename" (or a double click) turns it into
// an input: Enter or leaving the field saves, Esc keeps the old name.
import { useEffect, useRef, useState } from 'react'
import { useStore } from '../store'

export function EntityNameField({ id, name }: { id: number; name: string }) {
  const updateEntity = useStore((s) => s.updateEntity)
  const guard = useStore((s) => s.guard)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const inputRef = useRef<HTMLInputElement>(null)
  // Set while Esc cancels, so the blur that follows does not save.
  const cancelled = useRef(false)

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus()
      inputRef.current?.select()
    }
  }, [editing])

  const start = () => {
    setDraft(name)
    cancelled.current = false
    setEditing(true)
  }
  const save = async () => {
    const next = draft.trim()
    if (!next || next === name) {
      setEditing(false)
      return
    }
    const ok = await guard(async () => {
      await updateEntity({ id, name: next })
      return true
    })
    // On failure the input stays open with what was typed.
    if (ok) setEditing(false)
  }

  if (!editing) {
    return (
      <>
        <h3 onDoubleClick={start} title="Double-click to rename">
          {name}
        </h3>
        <button type="button" className="icon rename" aria-label="Rename entity" title="Rename" onClick={start}>
          ✎
        </button>
      </>
    )
  }
  return (
    <input
      ref={inputRef}
      className="entity-name-input"
      aria-label="Entity name"
      value={draft}
      maxLength={500}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          void save()
        } else if (e.key === 'Escape') {
          e.preventDefault()
          e.stopPropagation()
          cancelled.current = true
          setEditing(false)
        }
      }}
      onBlur={() => {
        if (!cancelled.current) void save()
      }}
    />
  )
}
