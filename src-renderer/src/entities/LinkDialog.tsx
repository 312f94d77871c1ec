// "Link to…": a typed, directed relationship from one entity to another.
import { useMemo, useState } from 'react'
import { RELATION_TYPES, relationType } from '@contract/vocabulary'
import { useTypeLookup } from '../colors'
import { Modal } from '../shell/Modal'
import { useStore } from '../store'

export function LinkDialog({ entityId, onClose }: { entityId: number; onClose(): void }) {
  const entities = useStore((s) => s.entities)
  const linkEntities = useStore((s) => s.linkEntities)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const entityType = useTypeLookup()
  const self = entities.find((e) => e.id === entityId)
  const others = useMemo(() => entities.filter((e) => e.id !== entityId), [entities, entityId])
  const [targetId, setTargetId] = useState<number | ''>(others[0]?.id ?? '')
  const [type, setType] = useState(RELATION_TYPES[0]!.key)
  const [label, setLabel] = useState(RELATION_TYPES[0]!.verb)
  const [reverse, setReverse] = useState(false)
  const [labelTouched, setLabelTouched] = useState(false)
  if (!self) return null
  const target = others.find((e) => e.id === targetId)
  const [from, to] = reverse ? [target, self] : [self, target]

  const submit = async () => {
    if (!from || !to) return
    const ok = await guard(() => linkEntities({ sourceId: from.id, targetId: to.id, type, label: label.trim() || relationType(type).verb }))
    if (ok) {
      notify('info', `Linked ${from.name} → ${to.name}`)
      onClose()
    }
  }

  return (
    <Modal
      title={`Link ${self.name} to…`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!target} onClick={() => void submit()}>
            Create link
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label htmlFor="link-target">Entity</label>
        <select id="link-target" value={targetId} onChange={(e) => setTargetId(Number(e.target.value))}>
          {others.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({entityType(e.type).label})
            </option>
          ))}
        </select>
        <label htmlFor="link-type">Relationship</label>
        <select
          id="link-type"
          value={type}
          onChange={(e) => {
            setType(e.target.value)
            if (!labelTouched) setLabel(relationType(e.target.value).verb)
          }}
        >
          {RELATION_TYPES.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
        <label htmlFor="link-label">Label</label>
        <input
          id="link-label"
          value={label}
          maxLength={200}
          onChange={(e) => {
            setLabel(e.target.value)
            setLabelTouched(true)
          }}
        />
        <span />
        <label className="checkbox">
          <input type="checkbox" checked={reverse} onChange={(e) => setReverse(e.target.checked)} /> Reverse direction
        </label>
        <button type="submit" hidden />
      </form>
      {others.length === 0 ? (
        <p className="muted">Tag another entity first: a link joins two entities.</p>
      ) : (
        <p className="link-preview" aria-label="Link preview">
          <strong>{from?.name ?? '…'}</strong> <em>{label.trim() || relationType(type).verb}</em> <strong>{to?.name ?? '…'}</strong>
        </p>
      )}
    </Modal>
  )
}
