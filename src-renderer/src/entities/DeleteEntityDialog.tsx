// Deleting an entity says first, with the core's counts, what goes with it.
import { useEffect, useState } from 'react'
import type { DeletePreview } from '@contract/types'
import { call } from '../api'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { plural } from './format'

export function DeleteEntityDialog({ entityId, onClose }: { entityId: number; onClose(): void }) {
  const entity = useStore((s) => s.entities.find((e) => e.id === entityId))
  const deleteEntity = useStore((s) => s.deleteEntity)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [preview, setPreview] = useState<DeletePreview | null>(null)

  useEffect(() => {
    let live = true
    void guard(async () => {
      const p = await call('entities.deletePreview', { id: entityId })
      if (live) setPreview(p)
    })
    return () => {
      live = false
    }
  }, [entityId, guard])

  if (!entity) return null
  const remove = async () => {
    const ok = await guard(async () => {
      // Its answer's change refreshes claims and anything else that pointed at it.
      await deleteEntity(entityId)
      return true
    })
    if (ok) notify('info', `Deleted ${entity.name}`)
    onClose()
  }
  return (
    <Modal
      title={`Delete ${entity.name}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger primary" disabled={!preview} onClick={() => void remove()}>
            Delete entity
          </button>
        </>
      }
    >
      {preview ? (
        <div className="delete-preview" aria-label="What is deleted">
          <p>
            Deleting <strong>{entity.name}</strong> also deletes:
          </p>
          <ul>
            <li>
              {plural(preview.mentions, 'mention')} in {plural(preview.documents, 'document')}
            </li>
            {/* Links are analyst-judgement claims: counted here. */}
            <li>{plural(preview.claims, 'claim')} about it, links included</li>
            <li>{plural(preview.aliases, 'alias', 'aliases')}</li>
          </ul>
          {preview.attributions > 0 && (
            <p>
              It is named as a source in {plural(preview.attributions, 'claim')}; those claims stay, without this source.
            </p>
          )}
          <p className="muted">The documents themselves are not changed. Undo restores all of it.</p>
        </div>
      ) : (
        <p className="muted">Counting what goes with it…</p>
      )}
    </Modal>
  )
}
