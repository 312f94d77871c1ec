// The evidence behind what was clicked on the map. An edge lists its claims
// with their quoted passages, sources and grades (a link: the analyst's
// judgement, then the paragraphs where both entities are mentioned; a
// co-mention: those paragraphs); a node lists
// its mentions and claims. Clicking one opens the reader at that passage.
import { useEffect, useState } from 'react'
import type { PairPassage } from '@contract/types'
import { lookupType } from '../colors'
import { call } from '../api'
import { useStore } from '../store'
import type { MapSelection } from '../store/mapSlice'
import { compareGrade, isDisputed, isLink, isWellGraded, type MapClaim } from './edgesFromClaims'
import { useMapClaims } from './useMapClaims'

function GradeBadge({ c }: { c: MapClaim }) {
  const cls = isDisputed(c) ? 'disputed' : isWellGraded(c) ? 'strong' : 'weak'
  return (
    <span className={`grade-badge ${cls}`} title={`Reliability ${c.reliability}, credibility ${c.credibility}; ${c.status}`}>
      {c.reliability}
      {c.credibility}
    </span>
  )
}

function ClaimItem({ c, name }: { c: MapClaim; name(id: number): string }) {
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const canOpen = c.documentId !== null && c.start !== null && c.end !== null
  const body = (
    <>
      <span className="claim-line">
        <GradeBadge c={c} /> <strong>{name(c.subjectId)}</strong> <em>{c.predicate}</em> <strong>{c.objectId !== null ? name(c.objectId) : c.objectLabel}</strong>
        <span className={`claim-status ${c.status}`}>{c.status}</span>
      </span>
      {c.quote ? <q className="passage">{c.quote}</q> : <span className="muted">Analyst judgement (no passage)</span>}
      {c.documentTitle && <span className="muted source">{c.documentTitle}</span>}
    </>
  )
  return (
    <li>
      {canOpen ? (
        <button type="button" className="evidence-jump" onClick={() => void guard(() => openDocument(c.documentId!, { start: c.start!, end: c.end! }))} title="Open the reader at this passage">
          {body}
        </button>
      ) : (
        <div className="evidence-jump static">{body}</div>
      )}
    </li>
  )
}

/** The paragraph with both entities' words marked, cut around them when long. */
function PassageText({ p }: { p: PairPassage }) {
  const first = Math.min(...p.spans.map((s) => s.start))
  const last = Math.max(...p.spans.map((s) => s.end))
  const from = Math.max(p.start, Math.min(first - 120, last - 360))
  const to = Math.min(p.end, Math.max(last + 120, from + 360))
  const parts: (string | { text: string; key: number })[] = []
  let at = from
  for (const s of [...p.spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > to) continue
    parts.push(p.text.slice(at - p.start, s.start - p.start))
    parts.push({ text: p.text.slice(s.start - p.start, s.end - p.start), key: s.start })
    at = s.end
  }
  parts.push(p.text.slice(at - p.start, to - p.start))
  return (
    <span className="passage">
      {from > p.start ? '…' : ''}
      {parts.map((x, i) => (typeof x === 'string' ? <span key={i}>{x}</span> : <mark key={i}>{x.text}</mark>))}
      {to < p.end ? '…' : ''}
    </span>
  )
}

function PairEvidence({ a, b }: { a: number; b: number }) {
  const [passages, setPassages] = useState<PairPassage[] | null>(null)
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  useEffect(() => {
    let live = true
    setPassages(null)
    void guard(() => call('graph.pairEvidence', { a, b, limit: 30 })).then((r) => live && setPassages(r ?? []))
    return () => {
      live = false
    }
  }, [a, b, guard])
  if (!passages) return <p className="muted">Reading passages…</p>
  if (!passages.length) return <p className="muted">No paragraph mentions both.</p>
  return (
    <ul className="evidence-list">
      {passages.map((p) => {
        const first = [...p.spans].sort((x, y) => x.start - y.start)[0]!
        return (
          <li key={`${p.documentId}:${p.start}`}>
            <button type="button" className="evidence-jump" title="Open the reader at this passage" onClick={() => void guard(() => openDocument(p.documentId, { start: first.start, end: first.end }))}>
              <PassageText p={p} />
              <span className="muted source">{p.documentTitle}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

interface Props {
  selection: NonNullable<MapSelection>
  /** Claims the map shows now (after its filters). */
  claims: MapClaim[]
  pinned: boolean
  onPin(ids: number[], pin: boolean): void
}

export function Inspector({ selection, claims, pinned, onPin }: Props) {
  const entities = useStore((s) => s.entities)
  const allClaims = useMapClaims()
  const mentions = useStore((s) => s.selectedMentions)
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const openDocument = useStore((s) => s.openDocument)
  const selectOnMap = useStore((s) => s.selectOnMap)
  const guard = useStore((s) => s.guard)
  const name = (id: number) => entities.find((e) => e.id === id)?.name ?? '?'
  const close = () => selectOnMap(null)

  if (selection.kind === 'edge') {
    const edgeClaims = allClaims.filter((c) => selection.claimIds.includes(c.id)).sort((x, y) => compareGrade(x, y) || x.id - y.id)
    // A link: every claim behind the edge is the analyst's judgement, without a passage.
    const link = selection.edgeKind === 'claim' && edgeClaims.length > 0 && edgeClaims.every(isLink)
    const heading = link ? 'Your link' : selection.edgeKind === 'claim' ? 'Claims' : 'Co-mention'
    return (
      <aside className="map-inspector" aria-label="Evidence">
        <div className="inspector-head">
          <span className="muted">{heading}</span>
          <button type="button" className="icon" aria-label="Close evidence" onClick={close}>
            ✕
          </button>
        </div>
        <h3>
          {name(selection.sourceId)} <span className="edge-arrow">{selection.edgeKind === 'comention' ? '—' : '→'}</span> {name(selection.targetId)}
        </h3>
        {selection.edgeKind !== 'comention' && <p className="edge-label">{selection.label}</p>}
        {selection.edgeKind === 'claim' && (
          <>
            <h4>
              {edgeClaims.length} {link ? (edgeClaims.length === 1 ? 'judgement' : 'judgements') : edgeClaims.length === 1 ? 'claim' : 'claims'}
            </h4>
            <ul className="evidence-list">
              {edgeClaims.map((c) => (
                <ClaimItem key={c.id} c={c} name={name} />
              ))}
            </ul>
          </>
        )}
        {selection.edgeKind !== 'claim' || link ? (
          <>
            <h4>{link ? 'Passages mentioning both' : 'Paragraphs mentioning both'}</h4>
            <PairEvidence a={selection.sourceId} b={selection.targetId} />
          </>
        ) : null}
      </aside>
    )
  }

  const entity = entities.find((e) => e.id === selection.entityId)
  if (!entity) return null
  // The project's types (custom ones included); the entity list re-renders this on a type change.
  const t = lookupType(useStore.getState().entityTypes, entity.type)
  const nodeClaims = claims.filter((c) => c.subjectId === entity.id || c.objectId === entity.id).sort((x, y) => compareGrade(x, y) || x.id - y.id)
  const shownMentions = selectedEntityId === entity.id ? mentions : []
  return (
    <aside className="map-inspector" aria-label={`Map entity ${entity.name}`}>
      <div className="inspector-head">
        <span className="muted">
          <span className="dot" style={{ background: t.color }} /> {t.label}
        </span>
        <button type="button" className="icon" aria-label="Close evidence" onClick={close}>
          ✕
        </button>
      </div>
      <h3>{entity.name}</h3>
      <div className="inspector-actions">
        <button type="button" aria-pressed={pinned} onClick={() => onPin([entity.id], !pinned)}>
          {pinned ? 'Unpin' : 'Pin'}
        </button>
      </div>
      <h4>
        Claims <span className="muted">{nodeClaims.length}</span>
      </h4>
      <ul className="evidence-list">
        {nodeClaims.slice(0, 50).map((c) => (
          <ClaimItem key={c.id} c={c} name={name} />
        ))}
        {nodeClaims.length === 0 && <li className="muted">No claims about {entity.name} on this map.</li>}
      </ul>
      <h4>
        Mentions <span className="muted">{entity.mentionCount}</span>
      </h4>
      <ul className="evidence-list">
        {shownMentions.slice(0, 30).map((m) => (
          <li key={m.id}>
            <button type="button" className="evidence-jump" onClick={() => void guard(() => openDocument(m.documentId, { start: m.start, end: m.end }))}>
              <span className="passage">
                {m.sentence.slice(0, Math.max(0, m.sentenceStart))}
                <mark style={{ background: `${t.color}33` }}>{m.sentence.slice(Math.max(0, m.sentenceStart), m.sentenceStart + m.quote.length)}</mark>
                {m.sentence.slice(m.sentenceStart + m.quote.length)}
              </span>
              <span className="muted source">{m.documentTitle}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
