// The entity's notes. Saved when the field is left or on Ctrl+Enter; typed
// text is never dropped: a failed save keeps it (and says so), a change
// arriving from elsewhere (merge, undo) never overwrites unsaved typing, and
// switching to another entity saves what was typed first.
import { useEffect, useRef, useState } from 'react'
import { formatKeys } from '../commands'
import { useStore } from '../store'

type Status = 'saved' | 'dirty' | 'saving' | 'failed'

export function NotesField({ id, notes }: { id: number; notes: string }) {
  const updateEntity = useStore((s) => s.updateEntity)
  const guard = useStore((s) => s.guard)
  const [draft, setDraft] = useState(notes)
  const [status, setStatus] = useState<Status>('saved')
  // Refs mirror the latest values for the save on unmount.
  const draftRef = useRef(notes)
  const savedRef = useRef(notes)

  // Take a newer saved value only while the user has nothing unsaved.
  useEffect(() => {
    if (draftRef.current === savedRef.current) {
      draftRef.current = notes
      setDraft(notes)
      setStatus('saved')
    }
    savedRef.current = notes
  }, [notes])

  const save = async () => {
    const text = draftRef.current
    if (text === savedRef.current) return
    setStatus('saving')
    const ok = await guard(async () => {
      await updateEntity({ id, notes: text })
      return true
    })
    if (ok) {
      savedRef.current = text
      setStatus(draftRef.current === text ? 'saved' : 'dirty')
    } else setStatus('failed')
  }

  // Leaving the entity (selecting another, closing the detail) saves too.
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(
    () => () => {
      // Not when the entity itself was deleted (its notes went with it, as the delete dialog said).
      if (useStore.getState().entities.some((e) => e.id === id)) void saveRef.current()
    },
    [id]
  )

  const hint = { saved: '', dirty: `Not saved yet · ${formatKeys('Mod+Enter')}`, saving: 'Saving…', failed: 'Not saved: your text is kept, try again' }[status]
  return (
    <div className="notes-field">
      <h4>
        <label htmlFor={`notes-${id}`}>Notes</label>
        {hint && <span className={status === 'failed' ? 'notes-status failed' : 'notes-status muted'}>{hint}</span>}
      </h4>
      <textarea
        id={`notes-${id}`}
        rows={Math.min(10, Math.max(2, draft.split('\n').length + 1))}
        placeholder="What you know about this entity, sources to check…"
        value={draft}
        onChange={(e) => {
          draftRef.current = e.target.value
          setDraft(e.target.value)
          setStatus(e.target.value === savedRef.current ? 'saved' : 'dirty')
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            void save()
          }
        }}
      />
    </div>
  )
}
