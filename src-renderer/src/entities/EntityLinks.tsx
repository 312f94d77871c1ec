// The selected entity's relationships and claims: every claim whose object
// is an entity and that names this one as subject or object, and every claim
// about it with a value (valuation, dates, amounts), each with its grade and
// whether it rests on a passage or on the analyst's judgement; plus links
// made before claims existed. A link without a passage is only ever an
// explicit analyst judgement: "Link to…" opens that form.
import { useEffect } from 'react'
import type { Claim } from '@contract/types'
import { relationType } from '@contract/vocabulary'
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
    </>
  )
}

export function EntityLinks({ id }: { id: number }) {
  const claims = useStore((s) => s.claimList)
  const loaded = useStore((s) => s.claimsLoaded)
  const relations = useStore((s) => s.relations)
  const entities = useStore((s) => s.entities)
  const refreshClaims = useStore((s) => s.refreshClaims)
  const selectEntity = useStore((s) => s.selectEntity)
  const deleteRelation = useStore((s) => s.deleteRelation)
  const guard = useStore((s) => s.guard)

  useEffect(() => {
    if (!loaded) void guard(refreshClaims)
  }, [loaded, guard, refreshClaims])

  const name = (eid: number) => entities.find((e) => e.id === eid)?.name ?? '?'
  const linked = claims.filter((c): c is EntityClaim => c.object.kind === 'entity' && (c.subjectId === id || c.object.entityId === id))
  const values = claims.filter((c) => c.object.kind !== 'entity' && c.subjectId === id)
  const legacy = relations.filter((r) => r.sourceId === id || r.targetId === id)
  const other = (eid: number) => (
    <button type="button" className="link" onClick={() => void guard(() => selectEntity(eid))}>
      {name(eid)}
    </button>
  )

  return (
    <>
      <h4>
        Links <span className="muted">{linked.length + legacy.length}</span>
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
        {legacy.map((r) => (
          <li key={`r${r.id}`}>
            <span className="link-text">
              {r.sourceId === id ? (
                <>
                  <em>{r.label || relationType(r.type).verb}</em> → {other(r.targetId)}
                </>
              ) : (
                <>
                  {other(r.sourceId)} → <em>{r.label || relationType(r.type).verb}</em>
                </>
              )}
            </span>
            <span className="muted link-grade">link</span>
            <button type="button" className="icon danger" aria-label="Delete link" title="Delete link" onClick={() => void guard(() => deleteRelation(r.id))}>
              ✕
            </button>
          </li>
        ))}
        {linked.length + legacy.length === 0 && <li className="muted">No links yet.</li>}
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
