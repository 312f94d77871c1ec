// The selected entity's relationships and claims: every claim whose object
// is an entity and that names this one as subject or object, and every claim
// about it with a value (valuation, dates, amounts), each with its grade and
// whether it rests on a passage or on the analyst's judgement. A link is a
// claim without a passage, only ever as an explicit analyst judgement: "Link
// to…" opens that form (links of projects from before schema 0006 became such
// claims). A link can be deleted from here, like the old links could.
import { useEffect } from 'react'
import type { Claim } from '@contract/types'
import { useStore } from '../store'

type EntityClaim = Claim & { object: { kind: 'entity'; entityId: number } }

function ClaimActions({ claim }: { claim: Claim }) {
  const openDocument = useStore((s) => s.openDocument)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const p = claim.passage
  return (
    <>
      <span className="muted link-grade" title={claim.analystJudgement ? 'Analyst judgement' : 'Backed by a quoted passage'}>
        {claim.grade}
        {claim.analystJudgement ? ' · judgement' : ''}
      </span>
      {p && (
        <button type="button" className="icon" aria-label="Show the passage" title={`“${p.quote}”`} onClick={() => void guard(() => openDocument(p.documentId, { start: p.start, end: p.end }))}>
          ❝
        </button>
      )}
      <button type="button" className="icon" aria-label="Edit claim" title="Edit claim" onClick={() => openDialog({ kind: 'claim', mode: 'edit', claimId: claim.id })}>
        ✎
      </button>
      {!p && (
        <button type="button" className="icon danger" aria-label="Delete link" title="Delete link" onClick={() => openDialog({ kind: 'deleteClaim', claimId: claim.id })}>
          ✕
        </button>
      )}
    </>
  )
}

export function EntityLinks({ id }: { id: number }) {
  const claims = useStore((s) => s.claimList)
  const loaded = useStore((s) => s.claimsLoaded)
  const entities = useStore((s) => s.entities)
  const refreshClaims = useStore((s) => s.refreshClaims)
  const selectEntity = useStore((s) => s.selectEntity)
  const guard = useStore((s) => s.guard)

  useEffect(() => {
    if (!loaded) void guard(refreshClaims)
  }, [loaded, guard, refreshClaims])

  const name = (eid: number) => entities.find((e) => e.id === eid)?.name ?? '?'
  const linked = claims.filter((c): c is EntityClaim => c.object.kind === 'entity' && (c.subjectId === id || c.object.entityId === id))
  const values = claims.filter((c) => c.object.kind !== 'entity' && c.subjectId === id)
  const other = (eid: number) => (
    <button type="button" className="link" onClick={() => void guard(() => selectEntity(eid))}>
      {name(eid)}
    </button>
  )

  return (
    <>
      <h4>
        Links <span className="muted">{linked.length}</span>
      </h4>
      <ul className="link-list">
        {linked.map((c) => (
          <li key={`c${c.id}`}>
            <span className="link-text">
              {c.subjectId === id ? (
                <>
                  <em>{c.predicate}</em> → {other(c.object.entityId)}
                </>
              ) : (
                <>
                  {other(c.subjectId)} → <em>{c.predicate}</em>
                </>
              )}
            </span>
            <ClaimActions claim={c} />
          </li>
        ))}
        {linked.length === 0 && <li className="muted">No links yet.</li>}
      </ul>
      {values.length > 0 && (
        <>
          <h4>
            Values <span className="muted">{values.length}</span>
          </h4>
          <ul className="link-list" aria-label="Value claims">
            {values.map((c) => (
              <li key={`v${c.id}`}>
                <span className="link-text">
                  <em>{c.predicate}</em>: {c.qualifier !== 'exact' ? `${c.qualifier} ` : ''}
                  {c.objectLabel}
                </span>
                <ClaimActions claim={c} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
