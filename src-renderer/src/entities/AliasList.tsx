// Other names of the entity ("DoD", "the Pentagon"): listed as chips with a
// remove button, added by typing and pressing Enter. Tag all finds them too.
import { useState } from 'react'
import { useStore } from '../store'

export function AliasList({ entityId }: { entityId: number }) {
  const detail = useStore((s) => s.entityDetail)
  const addAlias = useStore((s) => s.addAlias)
  const removeAlias = useStore((s) => s.removeAlias)
  const guard = useStore((s) => s.guard)
  const [draft, setDraft] = useState('')
  const aliases = detail.entityId === entityId ? detail.aliases : []

  const add = async () => {
    const name = draft.trim()
    if (!name) return
    const ok = await guard(async () => {
      await addAlias(entityId, name)
      return true
    })
    // A refused alias stays in the field to be corrected.
    if (ok) setDraft('')
  }

  return (
    <div className="alias-block">
      <h4>
        Aliases <span className="muted">{aliases.length}</span>
      </h4>
      <ul className="alias-list" aria-label="Aliases">
        {aliases.map((a) => (
          <li key={a.id} className="alias-chip">
            <span className="alias-name">{a.name}</span>
            <button
              type="button"
              className="icon danger"
              aria-label={`Remove alias ${a.name}`}
              title="Remove alias"
              onClick={() => void guard(() => removeAlias(a.id))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <input
        className="alias-input"
        aria-label="Add alias"
        placeholder="Add another name, then Enter"
        value={draft}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void add()
          } else if (e.key === 'Escape' && draft) {
            e.stopPropagation()
            setDraft('')
          }
        }}
      />
    </div>
  )
}
