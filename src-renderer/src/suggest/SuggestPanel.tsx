// The review list of the open document's suggestions, at the top of the
// reader: one row per name and type (count, confidence), Accept all / Reject
// all; one Tab stop with arrow keys (a roving list), A and X on a row, Enter
// shows its first place in the text. Above it: the "N more in M documents"
// proposal after an accept, and a line saying when the document is not in
// English (then only the project's names, money and dates are suggested).
// Below it: possible duplicate entities, offered for merge.
//
// Trade-off: folded by default, as a one-line bar: the dotted lines in the
// text are the main way in; the list is for going through a long document.
import { useMemo, useState } from 'react'
import type { EntitySuggestion } from '@contract/types'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'
import { useRovingList } from '../ui/useRovingList'
import { accept, reject } from './actions'
import { Duplicates } from './Duplicates'
import { tagType, useSuggest } from './state'
import './suggest.css'

interface Group {
  key: string
  text: string
  type: string
  items: EntitySuggestion[]
  score: number
  entityId?: number
}

function groupByName(list: readonly EntitySuggestion[]): Group[] {
  const groups = new Map<string, Group>()
  for (const s of list) {
    const key = `${s.type}|${s.text}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, text: s.text, type: s.type, items: [], score: 0, ...(s.entityId !== undefined ? { entityId: s.entityId } : {}) }))
    g.items.push(s)
    g.score = Math.max(g.score, s.score)
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || b.score - a.score || a.text.localeCompare(b.text))
}

export function SuggestPanel({ documentId, suggestions }: { documentId: number; suggestions: readonly EntitySuggestion[] }) {
  const data = useSuggest((s) => s.data)
  const loading = useSuggest((s) => s.loading)
  const proposal = useSuggest((s) => s.proposal)
  const setProposal = useSuggest((s) => s.setProposal)
  const openDialog = useStore((s) => s.openDialog)
  const openDocument = useStore((s) => s.openDocument)
  const guard = useStore((s) => s.guard)
  const typeOf = useTypeLookup()
  const [expanded, setExpanded] = useState(false)
  const groups = useMemo(() => groupByName(suggestions), [suggestions])
  const roving = useRovingList(groups.map((g) => g.key))
  const limited = data?.documentId === documentId && data.limited

  const acceptGroup = (g: Group) => accept(documentId, g.items, { ...(g.entityId !== undefined ? { entityId: g.entityId } : {}), name: g.text, type: tagType(g.items[0]!) })
  const rejectGroup = (g: Group) => reject(documentId, g.items)

  return (
    <section className="sg-bar" aria-label="Suggestions">
      <div className="sg-bar-head">
        <button type="button" className="sg-toggle" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
          {data?.documentId !== documentId ? (
            'Suggestions: computing…'
          ) : (
            <>
              Suggestions: {suggestions.length} in this document
              {groups.length ? ` (${groups.length} name${groups.length === 1 ? '' : 's'})` : ''}
            </>
          )}
        </button>
        <span className="muted sg-legend">dotted underline · click or Enter to review · A accept · X reject</span>
      </div>
      {limited && (
        <p className="sg-note" role="note">
          This document is not in English ({data?.lang}): only the project’s own names, money and dates are suggested.
        </p>
      )}
      {proposal && (
        <p className="sg-proposal" role="status">
          “{proposal.name}”: {proposal.more.mentions} more in {proposal.more.documents} document{proposal.more.documents === 1 ? '' : 's'}
          {proposal.more.inThisDocument ? ` (${proposal.more.inThisDocument} here)` : ''}.{' '}
          <button type="button" className="link" onClick={() => openDialog({ kind: 'tagAll', entityId: proposal.entityId })}>
            Tag all…
          </button>{' '}
          <button type="button" className="link" aria-label="Dismiss" onClick={() => setProposal(null)}>
            ✕
          </button>
        </p>
      )}
      {expanded && (
        <>
          {groups.length === 0 ? (
            <p className="muted sg-empty">{loading ? 'Computing suggestions…' : 'No suggestions left in this document.'}</p>
          ) : (
            <ul className="sg-list" aria-label="Suggestions in this document: A accepts all of a name, X rejects them, Enter shows the first" {...roving.listProps}>
              {groups.map((g) => {
                const t = typeOf(g.type === 'Percent' ? 'Other' : g.type)
                return (
                  <li
                    key={g.key}
                    className="sg-row"
                    {...roving.itemProps(g.key)}
                    aria-label={`${g.text}, ${g.type === 'Percent' ? 'Percent' : t.label}, ${g.items.length} in this document, ${Math.round(g.score * 100)}% sure`}
                    aria-keyshortcuts="A X Enter"
                    onKeyDown={(e) => {
                      if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return
                      if (e.key === 'a' || e.key === 'A') void acceptGroup(g)
                      else if (e.key === 'x' || e.key === 'X') void rejectGroup(g)
                      else if (e.key === 'Enter') void guard(() => openDocument(documentId, { start: g.items[0]!.start, end: g.items[0]!.end }))
                      else return
                      e.preventDefault()
                    }}
                  >
                    <span className="dot" style={{ background: t.color }} />
                    <span className="sg-name">{g.text}</span>
                    <span className="sg-type muted">{g.type === 'Percent' ? 'Percent' : t.label}</span>
                    <span className="sg-count">×{g.items.length}</span>
                    <span className="sg-score muted" title="How sure the suggestion is">
                      {Math.round(g.score * 100)}%
                    </span>
                    <button type="button" tabIndex={-1} onClick={() => void acceptGroup(g)}>
                      Accept all
                    </button>
                    <button type="button" tabIndex={-1} onClick={() => void rejectGroup(g)}>
                      Reject all
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
          <Duplicates />
        </>
      )}
    </section>
  )
}
