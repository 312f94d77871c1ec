// Deleting a claim asks first, showing exactly which claim and passage go.
import { useState } from 'react'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { GradeBadge, StatusBadge } from './grades'
import './claims.css'

export function DeleteClaimDialog({ claimId, onClose }: { claimId: number; onClose(): void }) {
  const claim = useStore((s) => s.claimList.find((c) => c.id === claimId))
  const deleteClaim = useStore((s) => s.deleteClaim)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [busy, setBusy] = useState(false)
  if (!claim) return null
  const label = `${claim.subjectName} — ${claim.predicate} — ${claim.objectLabel}`
  return (
    <Modal
      title="Delete claim?"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="danger primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              const ok = await guard(async () => (await deleteClaim(claimId), true))
              setBusy(false)
              if (ok) {
                notify('info', `Claim deleted: ${label}`)
                onClose()
              }
            }}
          >
            Delete claim
          </button>
        </>
      }
    >
      <p className="delete-claim-what">
        <strong>{claim.subjectName}</strong> <em>{claim.predicate}</em> <strong>{claim.objectLabel}</strong> <GradeBadge reliability={claim.reliability} credibility={claim.credibility} />{' '}
        <StatusBadge status={claim.status} />
      </p>
      {claim.passage && <blockquote className="claim-quote">“{claim.passage.quote}”</blockquote>}
      <p className="muted">The passage and the entities stay; only this claim and its grade and sources go.</p>
    </Modal>
  )
}
