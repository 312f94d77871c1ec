// The claim form, for a new claim on a selected passage, a new analyst
// judgement (no passage: only allowed when ticked as such) and editing a
// claim. Subject — predicate — object, with the value's qualifier, the
// attribution chain, the Admiralty grade and a status.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Claim, ClaimQualifier, ClaimStatus, InfoCredibility, PredicateSuggestion, SourceReliability } from '@contract/types'
import { call } from '../api'
import { formatKeys } from '../commands'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import type { ClaimDialog as ClaimDialogState } from '../store/types'
import { AttributionEditor, type AttributionDraft } from './AttributionEditor'
import { EntityPicker } from './EntityPicker'
import { CredibilityPicker, ReliabilityPicker, StatusPicker } from './grades'
import { EMPTY_OBJECT, draftToObject, groupDigits, plainDecimal, withObject, type ObjectDraft } from './objectDraft'
import { ObjectEditor } from './ObjectEditor'
import { attributionHints, entitiesInside, qualifierBefore, sentenceAround, valueCandidates, type AttributionHint } from './prefill'
import './claims.css'

type Props = { dialog: Extract<ClaimDialogState, { kind: 'claim' }>; onClose(): void }

interface Draft {
  subjectId: number | null
  predicate: string
  object: ObjectDraft
  qualifier: ClaimQualifier
  attribution: AttributionDraft[]
  reliability: SourceReliability
  credibility: InfoCredibility
  status: ClaimStatus
  notes: string
  analystJudgement: boolean
}

const BLANK: Draft = {
  subjectId: null,
  predicate: '',
  object: EMPTY_OBJECT,
  qualifier: 'exact',
  attribution: [],
  reliability: 'F',
  credibility: 6,
  status: 'unverified',
  notes: '',
  analystJudgement: false
}

function fromClaim(c: Claim): Draft {
  return {
    subjectId: c.subjectId,
    predicate: c.predicate,
    object: withObject(EMPTY_OBJECT, c.object),
    qualifier: c.qualifier,
    attribution: c.attribution.map((a) => ({ role: a.role, entityId: a.entityId })),
    reliability: c.reliability,
    credibility: c.credibility,
    status: c.status,
    notes: c.notes,
    analystJudgement: c.analystJudgement
  }
}

interface Passage {
  documentId: number
  documentTitle: string
  start: number
  end: number
  quote: string
}

export function ClaimDialog({ dialog, onClose }: Props) {
  const doc = useStore((s) => s.doc)
  const mentions = useStore((s) => s.mentions)
  const entities = useStore((s) => s.entities)
  const createClaim = useStore((s) => s.createClaim)
  const updateClaim = useStore((s) => s.updateClaim)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [draft, setDraft] = useState<Draft | null>(null)
  const initial = useRef<string>('')
  const [passage, setPassage] = useState<Passage | null>(null)
  const [hints, setHints] = useState<AttributionHint[]>([])
  const [predicates, setPredicates] = useState<PredicateSuggestion[]>([])
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const [pendingSource, setPendingSource] = useState('')
  const formRef = useRef<HTMLDivElement>(null)

  // The field to focus once the draft's form is on screen (a timer could fire before React drew it, leaving the focus on Cancel).
  const focusFirst = useRef<string | null>(null)
  useEffect(() => {
    const target = focusFirst.current ? formRef.current?.querySelector<HTMLElement>(focusFirst.current) : null
    if (!target) return
    focusFirst.current = null
    target.focus()
  })

  // Build the first draft: from the stored claim, or guessed from the passage.
  useEffect(() => {
    let live = true
    const start = (d: Draft, p: Passage | null) => {
      if (!live) return
      initial.current = JSON.stringify(d)
      setDraft(d)
      setPassage(p)
      // After the modal's own focus: the first thing still to fill in, once the form is drawn (the effect below).
      focusFirst.current = d.subjectId === null ? '#claim-subject' : '#claim-predicate'
    }
    const built = guard(async () => {
      void call('claims.predicates', { limit: 200 }).then((p) => live && setPredicates(p), () => {})
      if (dialog.mode === 'edit') {
        const c = await call('claims.get', { id: dialog.claimId })
        // The pickers show names from the store: make sure every entity of the claim is in it.
        const known = new Set(useStore.getState().entities.map((e) => e.id))
        const ids = [c.subjectId, ...(c.object.kind === 'entity' ? [c.object.entityId] : []), ...c.attribution.map((a) => a.entityId)]
        if (ids.some((id) => !known.has(id))) await useStore.getState().refreshEntities()
        start(fromClaim(c), c.passage && { documentId: c.passage.documentId, documentTitle: c.passage.documentTitle, start: c.passage.start, end: c.passage.end, quote: c.passage.quote })
        return true
      }
      if (dialog.mode === 'judgement') {
        start({ ...BLANK, subjectId: dialog.subjectId }, null)
        return true
      }
      const p = dialog.passage
      const text = doc?.id === p.documentId ? doc.text.slice(p.start, p.end) : p.text
      const d: Draft = { ...BLANK }
      const inside = doc?.id === p.documentId ? entitiesInside(mentions, p.start, p.end) : []
      d.subjectId = inside[0] ?? null
      if (inside[1] !== undefined) d.object = { ...d.object, kind: 'entity', entityId: inside[1] }
      // The first value written in the passage that the core can read exactly.
      for (const cand of valueCandidates(text)) {
        const parsed = await call('claims.parseValue', { text: cand.text }).catch(() => null)
        if (!parsed || parsed.kind === 'entity') continue
        const withValue = withObject(d.object, parsed)
        // Two entities tagged in the passage: the entity stays the object, the value waits in its field.
        d.object = inside[1] !== undefined ? { ...withValue, kind: 'entity' } : withValue
        d.qualifier = qualifierBefore(text, cand.at)
        break
      }
      if (doc?.id === p.documentId) setHints(attributionHints(sentenceAround(doc.text, p.start, p.end), doc.siteName))
      start(d, { documentId: p.documentId, documentTitle: doc?.id === p.documentId ? doc.title : '', start: p.start, end: p.end, quote: text })
      return true
    })
    // A claim deleted meanwhile (or any failure, already shown as a toast): no empty form left open.
    void built.then((ok) => live && !ok && onClose())
    return () => {
      live = false
    }
    // The dialog is built once for what it was opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const title = dialog.mode === 'edit' ? 'Edit claim' : dialog.mode === 'judgement' ? 'New analyst judgement' : 'New claim'
  const dirty = draft !== null && JSON.stringify(draft) !== initial.current
  const close = () => (dirty && !saving ? setConfirmDiscard(true) : onClose())

  const problem = useMemo(() => {
    if (!draft) return 'Loading…'
    if (draft.subjectId === null) return 'Choose the subject: the entity the claim is about.'
    if (!draft.predicate.trim()) return 'Write the predicate: what the claim says about the subject (“valuation”, “awarded contract to”).'
    const o = draftToObject(draft.object)
    if ('error' in o) return o.error
    if (draft.object.kind === 'entity' && draft.object.entityId === draft.subjectId) return 'The object must be another entity than the subject.'
    if (!passage && !draft.analystJudgement) return 'No passage backs this claim: tick “Analyst judgement” to record it as your own assessment.'
    if (pendingSource) return `“${pendingSource}” is typed in Attribution but not added: pick it from the list (Enter) or clear the box.`
    return null
  }, [draft, passage, pendingSource])

  const save = async () => {
    if (!draft || problem || saving) return
    setSaving(true)
    setError(null)
    try {
      const o = draftToObject(draft.object)
      if ('error' in o) return
      // New sources are created now, once each, reusing one of the same name made meanwhile.
      const made = new Map<string, number>()
      const attribution: { entityId: number; role: AttributionDraft['role'] }[] = []
      for (const a of draft.attribution) {
        if ('entityId' in a) {
          attribution.push({ entityId: a.entityId, role: a.role })
          continue
        }
        const key = a.name.toLocaleLowerCase()
        let id = made.get(key) ?? useStore.getState().entities.find((e) => e.name.toLocaleLowerCase() === key)?.id
        if (id === undefined) {
          id = (await call('entities.create', { name: a.name, type: a.type })).id
          made.set(key, id)
        }
        attribution.push({ entityId: id, role: a.role })
      }
      const common = {
        subjectId: draft.subjectId!,
        predicate: draft.predicate.trim(),
        object: o.object,
        qualifier: draft.object.kind === 'entity' ? ('exact' as const) : draft.qualifier,
        attribution,
        reliability: draft.reliability,
        credibility: draft.credibility,
        status: draft.status,
        notes: draft.notes,
        analystJudgement: draft.analystJudgement
      }
      const saved =
        dialog.mode === 'edit'
          ? await updateClaim({ id: dialog.claimId, ...common })
          : await createClaim({ ...common, passage: passage ? { documentId: passage.documentId, start: passage.start, end: passage.end } : null })
      notify('info', `${dialog.mode === 'edit' ? 'Claim updated' : 'Claim saved'}: ${saved.subjectName} — ${saved.predicate} — ${saved.qualifier === 'exact' ? '' : `${saved.qualifier} `}${saved.objectLabel}`)
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch })
  const subjectName = entities.find((e) => e.id === draft?.subjectId)?.name
  const objectText = draft ? objectPreview(draft, entities) : ''
  const predicateKey = draft?.predicate.trim().toLocaleLowerCase() ?? ''
  const quickPredicates = predicates.filter((p) => !predicateKey || p.predicate.toLocaleLowerCase().startsWith(predicateKey)).slice(0, 6)

  return (
    <Modal
      title={title}
      onClose={close}
      footer={
        confirmDiscard ? (
          <div className="discard-bar" role="alert">
            <span>Discard this {dialog.mode === 'edit' ? 'edit' : 'claim'}?</span>
            <button type="button" onClick={() => setConfirmDiscard(false)} autoFocus>
              Keep editing
            </button>
            <button type="button" className="danger primary" onClick={onClose}>
              Discard
            </button>
          </div>
        ) : (
          <>
            <span className="footer-problem muted" aria-live="polite">
              {error ? <span className="error-text">{error}</span> : problem}
            </span>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!!problem || saving} onClick={() => void save()} title={formatKeys('Mod+Enter')}>
              {saving ? 'Saving…' : dialog.mode === 'edit' ? 'Save changes' : 'Save claim'}
            </button>
          </>
        )
      }
    >
      <div
        className="claim-form"
        ref={formRef}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            void save()
          }
        }}
      >
        {!draft ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            {passage ? (
              <figure className="claim-passage" aria-label="Quoted passage">
                <blockquote>“{passage.quote}”</blockquote>
                <figcaption className="muted">{passage.documentTitle}</figcaption>
              </figure>
            ) : (
              <p className="claim-passage none muted">No passage: this link rests on your own judgement, not on the words of a source.</p>
            )}
            <label className="checkbox judgement-check">
              <input type="checkbox" checked={draft.analystJudgement} onChange={(e) => set({ analystJudgement: e.target.checked })} />
              <span>
                <strong>Analyst judgement</strong> <span className="muted">— my own assessment, not stated by the source{passage ? '' : ' (required without a passage)'}</span>
              </span>
            </label>

            <div className="form-grid claim-grid">
              <label htmlFor="claim-subject">Subject</label>
              <EntityPicker id="claim-subject" label="Subject" value={draft.subjectId} placeholder="Entity the claim is about…" onChange={(c) => set({ subjectId: c && 'entityId' in c ? c.entityId : null })} />

              <label htmlFor="claim-predicate">Predicate</label>
              <div className="predicate-field">
                <input
                  id="claim-predicate"
                  list="claim-predicates"
                  autoComplete="off"
                  maxLength={200}
                  placeholder="valuation, awarded contract to, owns…"
                  value={draft.predicate}
                  onChange={(e) => set({ predicate: e.target.value })}
                />
                <datalist id="claim-predicates">
                  {predicates.map((p) => (
                    <option key={p.predicate} value={p.predicate} />
                  ))}
                </datalist>
                {quickPredicates.length > 0 && !predicates.some((p) => p.predicate.toLocaleLowerCase() === predicateKey) && (
                  <div className="predicate-chips" aria-label="Predicates used in this project">
                    {quickPredicates.map((p) => (
                      <button key={p.predicate} type="button" className="hint-chip" onClick={() => set({ predicate: p.predicate })} title={`Used ${p.count}×`}>
                        {p.predicate}
                      </button>
                    ))}
                  </div>
                )}
              </div>

              <span className="grid-label">Object</span>
              <ObjectEditor
                draft={draft.object}
                onChange={(object) => set({ object })}
                qualifier={draft.qualifier}
                onQualifier={(qualifier) => set({ qualifier })}
                subjectId={draft.subjectId}
              />

              <span className="grid-label" title="Who stands behind the claim, outermost first: the outlet, then whom it quotes">
                Attribution
                <span className="grid-sublabel muted">outlet first</span>
              </span>
              <AttributionEditor value={draft.attribution} onChange={(attribution) => set({ attribution })} hints={hints} onPending={setPendingSource} />

              <span className="grid-label">Grade</span>
              <div className="grade-pickers">
                <ReliabilityPicker value={draft.reliability} onChange={(reliability) => set({ reliability })} />
                <CredibilityPicker value={draft.credibility} onChange={(credibility) => set({ credibility })} />
              </div>

              <span className="grid-label">Status</span>
              <StatusPicker value={draft.status} onChange={(status) => set({ status })} />

              <label htmlFor="claim-notes">Notes</label>
              <textarea id="claim-notes" rows={2} maxLength={100_000} placeholder="Why this grade, what would confirm it…" value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
            </div>

            <p className="claim-preview" aria-label="Claim preview">
              <strong>{subjectName ?? '…'}</strong> <em>{draft.predicate.trim() || '…'}</em> <strong>{objectText || '…'}</strong>
              <span className="muted">
                {' '}
                · {draft.reliability}
                {draft.credibility} · {draft.status}
                {draft.attribution.length > 0 && ` · ${draft.attribution.length} source${draft.attribution.length > 1 ? 's' : ''}`}
              </span>
            </p>
          </>
        )}
      </div>
    </Modal>
  )
}

function objectPreview(d: Draft, entities: { id: number; name: string }[]): string {
  const o = d.object
  const q = d.qualifier === 'exact' ? '' : `${d.qualifier} `
  switch (o.kind) {
    case 'entity':
      return entities.find((e) => e.id === o.entityId)?.name ?? ''
    case 'money': {
      const a = plainDecimal(o.amount)
      return a ? `${q}${groupDigits(a)} ${o.currency.toUpperCase()}` : ''
    }
    case 'number': {
      const v = plainDecimal(o.value)
      return v ? `${q}${groupDigits(v)}${o.unit ? ` ${o.unit}` : ''}` : ''
    }
    case 'date':
      return o.date ? `${q}${o.date}` : ''
    case 'text':
      return o.text ? `${q}${o.text}` : ''
  }
}
