// Tags whose recorded place no longer holds the recorded words. The text of a
// document never changes, so this only happens to a damaged or hand-edited
// project: each case is listed for the analyst to look at, with the recorded
// place and where the words do occur, and is never moved automatically.
import { useEffect, useState } from 'react'
import type { AnchorIssue } from '@contract/types'
import { call, reviewCall } from '../api'
import { shortcutHint } from '../commands'
import { useStore } from '../store'
import './history.css'

const PROBLEM: Record<AnchorIssue['problem'], string> = {
  'quote-mismatch': 'The recorded words are not at the recorded place.',
  'context-mismatch': 'The words match, but the text around them is not what was recorded.',
  'out-of-range': 'The recorded place lies outside this document’s text.'
}

function clip(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ')
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

export function AnchorReview() {
  const docId = useStore((s) => s.doc?.id ?? null)
  const docLength = useStore((s) => s.doc?.text.length ?? 0)
  // Re-checked once per change of tags or claims (undo and redo included),
  // after its refreshes landed: not for each store field the change touched.
  const revision = useStore((s) => `${s.revisions.mentions ?? 0}|${s.revisions.claims ?? 0}`)
  const entities = useStore((s) => s.entities)
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [issues, setIssues] = useState<AnchorIssue[]>([])
  const [open, setOpen] = useState(false)
  const [hidden, setHidden] = useState(false)

  useEffect(() => {
    setOpen(false)
    setHidden(false)
  }, [docId])

  useEffect(() => {
    if (docId === null) {
      setIssues([])
      return
    }
    let stale = false
    void guard(() => reviewCall('anchors.review', { documentId: docId })).then((found) => {
      if (!stale && found) setIssues(found)
    })
    return () => {
      stale = true
    }
  }, [docId, revision, guard])

  if (docId === null || issues.length === 0 || hidden) return null
  const name = (id: number) => entities.find((e) => e.id === id)?.name ?? `entity #${id}`
  const jump = (start: number, end: number) => void guard(() => openDocument(docId, { start, end }))
  const remove = async (issue: AnchorIssue) => {
    const done = await guard(async () => {
      await call(issue.kind === 'mention' ? 'mentions.delete' : 'claims.delete', { id: issue.id })
      return true
    })
    if (done) notify('info', `Removed the ${issue.kind === 'mention' ? 'tag' : 'claim'} on “${clip(issue.quote, 40)}” (${shortcutHint('edit.undo')} brings it back)`)
  }
  const n = issues.length
  return (
    <div className="anchor-review" role="region" aria-label="Tags to review" onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), setOpen(false))}>
      <div className="anchor-banner" role="alert">
        <span aria-hidden="true" className="anchor-icon">
          ⚠
        </span>
        <span className="anchor-banner-text">
          {n} {n === 1 ? 'tag no longer matches' : 'tags no longer match'} the text. Nothing has been moved.
        </span>
        <button type="button" className="small primary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Review'}
        </button>
        <button type="button" className="small" title="Hide until this document is opened again" onClick={() => setHidden(true)}>
          Later
        </button>
      </div>
      {open && (
        <ul className="anchor-list" aria-label="Tags that no longer match">
          {issues.map((i) => {
            const inRange = i.problem !== 'out-of-range' && i.start >= 0 && i.end <= docLength
            // The nearest matches first: the likeliest place the tag was meant for.
            const others = i.quoteFoundAt.filter((at) => at !== i.start).sort((x, y) => Math.abs(x - i.start) - Math.abs(y - i.start))
            return (
              <li key={`${i.kind}-${i.id}`} className="anchor-issue">
                <div className="anchor-issue-head">
                  <strong>{i.kind === 'mention' ? `Tag: ${name(i.entityId)}` : `Claim about ${name(i.entityId)}`}</strong>
                  <span className="muted">
                    {' '}
                    · recorded at characters {i.start}–{i.end}
                  </span>
                  <div className="muted">{PROBLEM[i.problem]}</div>
                </div>
                <dl className="anchor-facts">
                  <dt>Recorded words</dt>
                  <dd>
                    <span className="muted">{clip(i.prefix, 30)}</span>
                    <mark className="anchor-quote">{i.quote}</mark>
                    <span className="muted">{clip(i.suffix, 30)}</span>
                  </dd>
                  <dt>Text there now</dt>
                  <dd>{i.found ? <mark className="anchor-found">{i.found}</mark> : <span className="muted">nothing (past the end of the text)</span>}</dd>
                  <dt>Words occur at</dt>
                  <dd>
                    {i.quoteFoundAt.length === 0 ? (
                      <span className="muted">nowhere in this document</span>
                    ) : (
                      <>
                        {i.quoteFoundAt.length >= 10 ? 'at least 10 places' : i.quoteFoundAt.length === 1 ? '1 place' : `${i.quoteFoundAt.length} places`}
                        <span className="muted"> (characters {i.quoteFoundAt.map((at) => `${at}–${at + i.quote.length}`).join(', ')})</span>
                      </>
                    )}
                  </dd>
                </dl>
                <div className="anchor-actions">
                  <button type="button" className="small" disabled={!inRange} onClick={() => jump(i.start, i.end)}>
                    Show recorded place
                  </button>
                  {others.slice(0, 3).map((at, k) => (
                    <button key={at} type="button" className="small" title={`The recorded words at ${at}–${at + i.quote.length}`} onClick={() => jump(at, at + i.quote.length)}>
                      {k === 0 ? 'Show nearest match' : `Show match at ${at}`}
                    </button>
                  ))}
                  <button type="button" className="small danger" onClick={() => void remove(i)}>
                    {i.kind === 'mention' ? 'Remove tag' : 'Delete claim'}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
