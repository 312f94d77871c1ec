// "Tag all mentions": every place the entity's name or an alias occurs (the
// core matches whole words), in this document or all of them, listed with
// its document and surrounding words to confirm in one go. Places already
// tagged with the entity are shown as such and cannot be picked again.
import { useEffect, useMemo, useState } from 'react'
import type { TagCandidate } from '@contract/types'
import { call } from '../api'
import { useTypeLookup } from '../colors'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { around, plural } from './format'

type Scope = 'document' | 'all'

const keyOf = (c: TagCandidate) => `${c.documentId}:${c.start}:${c.end}`

export function TagAllDialog({ entityId, onClose }: { entityId: number; onClose(): void }) {
  const entity = useStore((s) => s.entities.find((e) => e.id === entityId))
  const entities = useStore((s) => s.entities)
  const doc = useStore((s) => s.doc)
  const aliases = useStore((s) => (s.entityDetail.entityId === entityId ? s.entityDetail.aliases : []))
  const tagAllConfirm = useStore((s) => s.tagAllConfirm)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const typeOf = useTypeLookup()
  const [scope, setScope] = useState<Scope>(doc ? 'document' : 'all')
  const [candidates, setCandidates] = useState<TagCandidate[] | null>(null)
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    setCandidates(null)
    void guard(async () => {
      const found = await call('entities.tagAllCandidates', { entityId, ...(scope === 'document' && doc ? { documentId: doc.id } : {}) })
      if (!live) return
      setCandidates(found)
      // Everything new is ticked; what is already tagged is not offered again.
      setChecked(new Set(found.filter((c) => !c.alreadyTagged).map(keyOf)))
    })
    return () => {
      live = false
    }
  }, [entityId, scope, doc, guard])

  const open = useMemo(() => (candidates ?? []).filter((c) => !c.alreadyTagged), [candidates])
  const already = (candidates?.length ?? 0) - open.length
  const n = open.filter((c) => checked.has(keyOf(c))).length
  if (!entity) return null
  const color = typeOf(entity.type).color
  const names = [entity.name, ...aliases.map((a) => a.name)]
  const nameOf = (id: number) => entities.find((e) => e.id === id)?.name ?? '?'

  const toggle = (k: string, on: boolean) => {
    const next = new Set(checked)
    if (on) next.add(k)
    else next.delete(k)
    setChecked(next)
  }

  const confirm = async () => {
    const spans = open.filter((c) => checked.has(keyOf(c))).map((c) => ({ documentId: c.documentId, start: c.start, end: c.end }))
    if (!spans.length) return
    setBusy(true)
    const result = await guard(() => tagAllConfirm(entityId, spans))
    setBusy(false)
    if (result) {
      notify('info', `Tagged ${plural(result.created.length, 'mention')} of ${entity.name}`)
      onClose()
    }
  }

  return (
    <Modal
      title={`Tag all mentions of ${entity.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || n === 0} onClick={() => void confirm()}>
            Tag {plural(n, 'mention')}
          </button>
        </>
      }
    >
      <div className="tag-all">
        <div className="tag-all-scope" role="radiogroup" aria-label="Where to look">
          <label className="radio">
            <input type="radio" name="tag-all-scope" checked={scope === 'document'} disabled={!doc} onChange={() => setScope('document')} /> This document
          </label>
          <label className="radio">
            <input type="radio" name="tag-all-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All documents
          </label>
        </div>
        <p className="muted tag-all-names">
          Looking for whole words: {names.map((x, i) => (
            <span key={i}>
              {i > 0 && ', '}“{x}”
            </span>
          ))}
        </p>
        {candidates === null ? (
          <p className="muted">Searching…</p>
        ) : candidates.length === 0 ? (
          <p className="muted">No occurrences found{scope === 'document' ? ' in this document' : ''}. Add aliases to find other spellings.</p>
        ) : (
          <>
            <div className="tag-all-summary">
              <span aria-live="polite">
                {plural(candidates.length, 'place')} found{already > 0 && `, ${already} already tagged`}
              </span>
              <span className="tag-all-bulk">
                <button type="button" className="link" onClick={() => setChecked(new Set(open.map(keyOf)))}>
                  All
                </button>
                ·
                <button type="button" className="link" onClick={() => setChecked(new Set())}>
                  None
                </button>
              </span>
            </div>
            <ul className="tag-all-list" aria-label="Places to tag">
              {candidates.map((c) => {
                const k = keyOf(c)
                const ctx = around(c.sentence, c.sentenceStart, c.quote.length)
                return (
                  <li key={k} className={c.alreadyTagged ? 'already' : undefined}>
                    <label>
                      <input
                        type="checkbox"
                        checked={c.alreadyTagged || checked.has(k)}
                        disabled={c.alreadyTagged}
                        onChange={(e) => toggle(k, e.target.checked)}
                        aria-label={`${c.quote} in ${c.documentTitle}${c.alreadyTagged ? ' (already tagged)' : ''}`}
                      />
                      <span className="tag-all-text">
                        <span className="muted tag-all-doc">
                          {c.documentTitle}
                          {c.alreadyTagged && <span className="tag-all-badge">already tagged</span>}
                          {c.otherEntityIds.length > 0 && <span className="tag-all-other"> · also {c.otherEntityIds.map(nameOf).join(', ')}</span>}
                        </span>
                        <span className="sentence">
                          {ctx.before}
                          <mark style={{ background: `${color}33` }}>{ctx.hit}</mark>
                          {ctx.after}
                        </span>
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </div>
    </Modal>
  )
}
