// Deleting an entity says first what goes with it.
import { Modal } from '../shell/Modal'
import { useStore } from '../store'

export function DeleteEntityDialog({ entityId, onClose }: { entityId: number; onClose(): void }) {
  const entity = useStore((s) => s.entities.find((e) => e.id === entityId))
  const links = useStore((s) => s.relations.filter((r) => r.sourceId === entityId || r.targetId === entityId).length)
  const deleteEntity = useStore((s) => s.deleteEntity)
  const guard = useStore((s) => s.guard)
  if (!entity) return null
  return (
    <Modal
      title={`Delete ${entity.name}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="danger primary"
            onClick={() => {
              void guard(() => deleteEntity(entityId))
              onClose()
            }}
          >
            Delete entity
          </button>
        </>
      }
    >
      <p>
        This removes the entity <strong>{entity.name}</strong>, its {entity.mentionCount} mention{entity.mentionCount === 1 ? '' : 's'} and {links} link
        {links === 1 ? '' : 's'}. The documents themselves are not changed.
      </p>
    </Modal>
  )
}
