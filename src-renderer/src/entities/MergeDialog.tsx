// "Merge…": pick the duplicate (type-ahead), see what will move, confirm.
// By default the open entity is merged into the one picked; "Swap" keeps it
// instead. The merged name becomes an alias; a split restores everything.
import { useEffect, useMemo, useState } from 'react'
import type { DeletePreview } from '@contract/types'
import { call } from '../api'
import { useTypeLookup } from '../colors'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { EntityCombobox } from '../ui/EntityCombobox'
import { plural } from './format'

export function MergeDialog({ entityId, onClose }: { entityId: number; onClose(): void }) {
  const entities = useStore((s) => s.entities)
  const mergeEntities = useStore((s) => s.mergeEntities)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const typeOf = useTypeLookup()
  const self = entities.find((e) => e.id === entityId)
  const others = useMemo(() => entities.filter((e) => e.id !== entityId), [entities, entityId])
  // Aliases match in the picker too: "DoD" finds the Department of Defense.
  const aliases = useStore((s) => s.allAliases)
  const [otherId, setOtherId] = useState<number | null>(null)
  // true: the open entity goes into the picked one (it is the duplicate).
  const [selfIsDuplicate, setSelfIsDuplicate] = useState(true)
  const [preview, setPreview] = useState<DeletePreview | null>(null)
  const [busy, setBusy] = useState(false)
  const other = others.find((e) => e.id === otherId) ?? null
  const [keep, merged] = selfIsDuplicate ? [other, self] : [self, other]

  // What moves is what the merged entity holds: the delete preview counts it.
  useEffect(() => {
    setPreview(null)
    if (!merged) return
    let live = true
    void guard(async () => {
      const p = await call('entities.deletePreview', { id: merged.id })
      if (live) setPreview(p)
    })
    return () => {
      live = false
    }
  }, [merged?.id, guard])

  if (!self) return null

  const confirm = async () => {
    if (!keep || !merged) return
    setBusy(true)
    const ok = await guard(async () => {
      await mergeEntities(keep.id, merged.id)
      return true
    })
    setBusy(false)
    if (ok) {
      notify('info', `Merged ${merged.name} into ${keep.name}`)
      onClose()
    }
  }

  return (
    <Modal
      title={`Merge ${self.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!keep || !merged || !preview || busy} onClick={() => void confirm()}>
            Merge
          </button>
        </>
      }
    >
      <div className="merge-dialog">
        {others.length === 0 ? (
          <p className="muted">There is no other entity to merge with yet.</p>
        ) : (
          <>
            <div className="merge-label">Merge with</div>
            <EntityCombobox
              label="Entity to merge with"
              listLabel="Entity to merge with choices"
              listClassName="entity-picker-list"
              entities={others}
              aliases={aliases}
              limit={50}
              showCount
              openOnFocus
              placeholder={other ? `${other.name} — type to change` : 'Type a name…'}
              onPick={(c) => 'entityId' in c && setOtherId(c.entityId)}
              onSubmit={() => preview && !busy && void confirm()}
            />
          </>
        )}
        {keep && merged && (
          <div className="merge-plan" aria-label="Merge preview">
            <div className="merge-direction">
              <span className="merge-name">
                <span className="dot" style={{ background: typeOf(merged.type).color }} />
                {merged.name}
              </span>{' '}
              <span className="muted">into</span>{' '}
              <span className="merge-name">
                <span className="dot" style={{ background: typeOf(keep.type).color }} />
                <strong>{keep.name}</strong>
              </span>
              <button type="button" className="small" onClick={() => setSelfIsDuplicate((v) => !v)} title="Keep the other one instead">
                ⇄ Swap
              </button>
            </div>
            {preview ? (
              <ul className="merge-moves">
                <li>
                  {plural(preview.mentions, 'mention')} in {plural(preview.documents, 'document')}
                </li>
                <li>
                  {plural(preview.claims, 'claim')} (links included), {plural(preview.aliases, 'alias', 'aliases')}
                </li>
                {preview.attributions > 0 && <li>{plural(preview.attributions, 'source attribution')}</li>}
                <li>
                  “{merged.name}” becomes an alias of {keep.name}
                  {merged.notes.trim() ? '; its notes are appended' : ''}
                </li>
              </ul>
            ) : (
              <p className="muted">Counting what moves…</p>
            )}
            <p className="muted merge-undo">
              {keep.name} keeps its name and type ({typeOf(keep.type).label}). You can split them apart again from its detail.
            </p>
          </div>
        )}
      </div>
    </Modal>
  )
}
