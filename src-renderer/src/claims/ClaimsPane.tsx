// The claims view: every claim of the project as a dense, sortable table,
// filterable by entity, predicate, grade, status and document, with claims
// of the same subject and predicate grouped and disagreeing values flagged.
// A row shows its quoted passage; clicking it jumps to the passage.
import { useEffect, useMemo, useState } from 'react'
import { CLAIM_STATUSES, INFO_CREDIBILITY, INFO_CREDIBILITY_LABELS, SOURCE_RELIABILITY, SOURCE_RELIABILITY_LABELS, type Claim, type ClaimGroup, type ClaimStatus } from '@contract/types'
import { useStore } from '../store'
import { useRovingList, type RovingList } from '../ui/useRovingList'
import { NO_CLAIM_FILTERS, type ClaimSortKey } from '../store/claimsSlice'
import { conflictsByClaim, filterClaims, groupByClaim, listItems, predicateKeyOf, sortClaims } from './claimView'
import { GradeBadge, STATUS_LABELS, StatusBadge } from './grades'
import './claims.css'

/** Rows drawn at first; more on request (thousands of rows would slow every keystroke). */
const PAGE = 400

const COLUMNS: { key: ClaimSortKey; label: string }[] = [
  { key: 'subject', label: 'Subject' },
  { key: 'predicate', label: 'Predicate' },
  { key: 'object', label: 'Object' },
  { key: 'grade', label: 'Grade' },
  { key: 'status', label: 'Status' },
  { key: 'document', label: 'Source' }
]

function conflictText(g: ClaimGroup): string {
  return `Sources disagree on ${g.subjectName} — ${g.predicate}: ${g.values.map((v) => `${v.objectLabel} (${v.claimIds.length})`).join(' vs. ')}`
}

export function ClaimsPane() {
  const claims = useStore((s) => s.claimList)
  const groups = useStore((s) => s.claimGroups)
  const loaded = useStore((s) => s.claimsLoaded)
  const filters = useStore((s) => s.claimFilters)
  const sort = useStore((s) => s.claimSort)
  const grouped = useStore((s) => s.claimGrouped)
  const entities = useStore((s) => s.entities)
  const documents = useStore((s) => s.documents)
  const projectPath = useStore((s) => s.project?.path)
  const refreshClaims = useStore((s) => s.refreshClaims)
  const setFilters = useStore((s) => s.setClaimFilters)
  const setSort = useStore((s) => s.setClaimSort)
  const setGrouped = useStore((s) => s.setClaimGrouped)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const [limit, setLimit] = useState(PAGE)

  // Read afresh whenever the view is shown; while it is, changes keep it current (store/changes.ts).
  useEffect(() => {
    if (!projectPath) return
    const t = setTimeout(() => void guard(refreshClaims), 30)
    return () => clearTimeout(t)
  }, [projectPath, guard, refreshClaims])

  const conflicts = useMemo(() => conflictsByClaim(groups, claims), [groups, claims])
  const groupOf = useMemo(() => groupByClaim(groups), [groups])
  const shown = useMemo(() => sortClaims(filterClaims(claims, filters, conflicts), sort.key, sort.desc), [claims, filters, conflicts, sort])
  const items = useMemo(() => listItems(shown, groupOf, grouped), [shown, groupOf, grouped])
  const rowIds = useMemo(() => items.slice(0, limit).flatMap((it) => (it.kind === 'group' ? [] : [it.claim.id])), [items, limit])
  const roving = useRovingList(rowIds)

  // What the filters offer: only what the claims actually use.
  const usedEntities = useMemo(() => {
    const ids = new Set<number>()
    for (const c of claims) {
      ids.add(c.subjectId)
      if (c.object.kind === 'entity') ids.add(c.object.entityId)
      c.attribution.forEach((a) => ids.add(a.entityId))
    }
    return entities.filter((e) => ids.has(e.id)).sort((a, b) => a.name.localeCompare(b.name))
  }, [claims, entities])
  const usedPredicates = useMemo(() => {
    const m = new Map<string, string>()
    for (const c of claims) if (!m.has(predicateKeyOf(c.predicate))) m.set(predicateKeyOf(c.predicate), c.predicate)
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1]))
  }, [claims])
  const usedDocuments = useMemo(() => {
    const ids = new Set(claims.map((c) => c.passage?.documentId).filter((x): x is number => x !== undefined))
    return documents.filter((d) => ids.has(d.id))
  }, [claims, documents])
  const anyJudgement = claims.some((c) => c.passage === null)

  const filtering = JSON.stringify(filters) !== JSON.stringify(NO_CLAIM_FILTERS)
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const conflictCount = claims.filter((c) => conflicts.has(c.id)).length

  return (
    <div className="claims-view">
      <div className="claims-head-bar">
        <h2>Claims</h2>
        <span className="claims-count muted" role="status">
          {filtering ? `${shown.length} of ${claims.length}` : claims.length} claim{claims.length === 1 ? '' : 's'}
          {conflictCount > 0 && ` · ${conflictCount} in conflict`}
        </span>
        <span className="muted claims-keys">Select a passage in the reader and press C to add one</span>
        <button type="button" className="small new-judgement" onClick={() => openDialog({ kind: 'claim', mode: 'judgement', subjectId: filters.entityId })} title="A claim that rests on your own judgement, with no passage behind it">
          New analyst judgement…
        </button>
      </div>
      <div className="claims-toolbar" role="toolbar" aria-label="Claim filters">
        <div className="claims-toolbar-row">
          <input className="claims-search" type="search" placeholder="Filter claims: names, values, quotes, sources…" aria-label="Filter claims" value={filters.text} onChange={(e) => setFilters({ text: e.target.value })} />
          <select aria-label="Entity" value={filters.entityId ?? ''} onChange={(e) => setFilters({ entityId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">All entities</option>
            {usedEntities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <select aria-label="Predicate" value={filters.predicateKey ?? ''} onChange={(e) => setFilters({ predicateKey: e.target.value || null })}>
            <option value="">All predicates</option>
            {usedPredicates.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
          <select
            aria-label="Document"
            value={filters.documentId ?? ''}
            onChange={(e) => setFilters({ documentId: e.target.value === '' ? null : e.target.value === 'none' ? 'none' : Number(e.target.value) })}
          >
            <option value="">All documents</option>
            {usedDocuments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
            {anyJudgement && <option value="none">No passage (analyst judgement)</option>}
          </select>
        </div>
        <div className="claims-toolbar-row">
          <div className="grade-filter" role="group" aria-label="Source reliability filter">
            <span className="muted">Reliability</span>
            {SOURCE_RELIABILITY.map((r) => (
              <button key={r} type="button" className="chip" aria-pressed={filters.reliability.includes(r)} title={`${r}: ${SOURCE_RELIABILITY_LABELS[r]}`} onClick={() => setFilters({ reliability: toggle(filters.reliability, r) })}>
                {r}
              </button>
            ))}
          </div>
          <div className="grade-filter" role="group" aria-label="Information credibility filter">
            <span className="muted">Credibility</span>
            {INFO_CREDIBILITY.map((c) => (
              <button key={c} type="button" className="chip" aria-pressed={filters.credibility.includes(c)} title={`${c}: ${INFO_CREDIBILITY_LABELS[c]}`} onClick={() => setFilters({ credibility: toggle(filters.credibility, c) })}>
                {c}
              </button>
            ))}
          </div>
          <select aria-label="Status" value={filters.status ?? ''} onChange={(e) => setFilters({ status: (e.target.value || null) as ClaimStatus | null })}>
            <option value="">All statuses</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={filters.conflictsOnly} onChange={(e) => setFilters({ conflictsOnly: e.target.checked })} /> Conflicts only
            {conflictCount > 0 && <span className="conflict-count">{conflictCount}</span>}
          </label>
          <label className="checkbox" title="Claims with the same subject and predicate together, across documents">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> Group
          </label>
          {filtering && (
            <button type="button" className="link" onClick={() => setFilters(NO_CLAIM_FILTERS)}>
              Clear filters
            </button>
          )}
        </div>
      </div>

      <div className="claims-table" role="table" aria-label="Claims" aria-rowcount={shown.length + 1}>
        <div className="claims-head" role="row">
          <span role="columnheader" className="col-flag" aria-label="Conflict" />
          {COLUMNS.map((c) => (
            <span key={c.key} role="columnheader" className={`col-${c.key}`} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort" onClick={() => setSort(c.key)}>
                {c.label}
                <span className="sort-mark" aria-hidden="true">
                  {sort.key === c.key ? (sort.desc ? '▼' : '▲') : ''}
                </span>
              </button>
            </span>
          ))}
          <span role="columnheader" className="col-actions">
            <button type="button" className="sort" onClick={() => setSort('created')} title="Sort by when the claim was made">
              Added
              <span className="sort-mark" aria-hidden="true">
                {sort.key === 'created' ? (sort.desc ? '▼' : '▲') : ''}
              </span>
            </button>
          </span>
        </div>
        {/* One Tab stop: arrows, Home/End and PageUp/PageDown move between claims (ui/useRovingList). */}
        <div className="claims-body" {...roving.listProps}>
          {items.slice(0, limit).map((it) =>
            it.kind === 'group' ? (
              <GroupHeading key={`g-${it.group.key}`} group={it.group} shown={it.shown} />
            ) : (
              <ClaimRow key={it.claim.id} claim={it.claim} grouped={it.grouped} conflict={conflicts.get(it.claim.id) ?? null} roving={roving} />
            )
          )}
          {items.length > limit && (
            <button type="button" className="show-more" onClick={() => setLimit(limit + PAGE)}>
              Show {Math.min(PAGE, items.length - limit)} more of {items.length - limit}
            </button>
          )}
          {loaded && claims.length === 0 && (
            <div className="claims-empty muted">
              <p>No claims yet.</p>
              <p>
                Select a passage in the reader and press <kbd>C</kbd> (or <em>New claim</em> in the popover) to record who says what about whom, with its source and grade.
              </p>
            </div>
          )}
          {loaded && claims.length > 0 && shown.length === 0 && <div className="claims-empty muted">No claim matches these filters.</div>}
        </div>
      </div>
    </div>
  )
}

function GroupHeading({ group, shown }: { group: ClaimGroup; shown: number }) {
  const docs = group.documentIds.length
  return (
    <div className={`claim-group ${group.conflict ? 'conflict' : ''}`} role="row" aria-label={`Group ${group.subjectName} — ${group.predicate}`}>
      <span role="cell" className="group-title">
        {group.conflict && (
          <span className="conflict-flag" title={conflictText(group)}>
            ⚠ Conflict
          </span>
        )}
        <strong>{group.subjectName}</strong> <em>{group.predicate}</em>
        <span className="muted">
          {' '}
          · {group.claimIds.length} claims{docs > 0 && ` in ${docs} document${docs === 1 ? '' : 's'}`}
          {shown < group.claimIds.length && ` (${shown} shown)`}
        </span>
        <span className="group-values">
          {group.values.map((v) => (
            <span key={v.objectLabel} className="group-value">
              {v.objectLabel}
              {v.claimIds.length > 1 && <span className="muted"> ×{v.claimIds.length}</span>}
            </span>
          ))}
        </span>
      </span>
    </div>
  )
}

function ClaimRow({ claim: c, grouped, conflict, roving }: { claim: Claim; grouped: boolean; conflict: ClaimGroup | null; roving: RovingList<number> }) {
  const openDocument = useStore((s) => s.openDocument)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const selectEntity = useStore((s) => s.selectEntity)
  const jump = () => {
    if (c.passage) void guard(() => openDocument(c.passage!.documentId, { start: c.passage!.start, end: c.passage!.end }))
    else void guard(() => selectEntity(c.subjectId))
  }
  const label = `${c.subjectName} — ${c.predicate} — ${c.qualifier !== 'exact' ? `${c.qualifier} ` : ''}${c.objectLabel}`
  return (
    <div
      className={`claim-row ${grouped ? 'in-group' : ''} ${conflict ? 'conflict' : ''} ${c.status}`}
      role="row"
      {...roving.itemProps(c.id)}
      aria-label={`Claim: ${label}`}
      aria-keyshortcuts="Enter E Delete"
      title={c.passage ? 'Open the passage in the reader (Enter) · ↑↓ move · E edit · Delete remove' : 'Analyst judgement: no passage · E edit · Delete remove'}
      onClick={(e) => !(e.target as HTMLElement).closest('button') && jump()}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return
        if (e.key === 'Enter') jump()
        else if (e.key.toLowerCase() === 'e') openDialog({ kind: 'claim', mode: 'edit', claimId: c.id })
        else if (e.key === 'Delete' || e.key === 'Backspace') openDialog({ kind: 'deleteClaim', claimId: c.id })
        else return
        e.preventDefault()
      }}
    >
      <span role="cell" className="col-flag">
        {conflict && (
          <span className="conflict-flag" role="img" aria-label="Conflict" title={conflictText(conflict)}>
            ⚠
          </span>
        )}
      </span>
      <span role="cell" className="col-subject cell-name">
        {c.subjectName}
      </span>
      <span role="cell" className="col-predicate">
        <em>{c.predicate}</em>
      </span>
      <span role="cell" className="col-object cell-name">
        {c.qualifier !== 'exact' && <span className="qualifier">{c.qualifier} </span>}
        {c.objectLabel}
      </span>
      <span role="cell" className="col-grade">
        <GradeBadge reliability={c.reliability} credibility={c.credibility} />
      </span>
      <span role="cell" className="col-status">
        <StatusBadge status={c.status} />
      </span>
      <span role="cell" className="col-document">
        {c.attribution.length > 0 ? (
          <span className="attribution-chain">
            {c.attribution.map((a, i) => (
              <span key={`${a.entityId}-${i}`} className="attr">
                {i > 0 && <span className="muted"> › </span>}
                <span className="muted">{a.role}</span> {a.entityName}
              </span>
            ))}
          </span>
        ) : (
          <span className="muted">{c.passage ? 'no attribution' : 'your judgement'}</span>
        )}
        {c.passage && (
          <span className="claim-doc muted" title={c.passage.documentTitle}>
            {c.passage.documentTitle}
          </span>
        )}
      </span>
      <span role="cell" className="col-actions">
        <button type="button" className="icon" tabIndex={-1} aria-label={`Edit claim ${label}`} title="Edit (E)" onClick={() => openDialog({ kind: 'claim', mode: 'edit', claimId: c.id })}>
          Edit
        </button>
        <button type="button" className="icon danger" tabIndex={-1} aria-label={`Delete claim ${label}`} title="Delete (Delete)" onClick={() => openDialog({ kind: 'deleteClaim', claimId: c.id })}>
          ✕
        </button>
      </span>
      <span role="cell" className="claim-quote-line">
        {c.passage ? (
          <>
            <q className="claim-quote">{c.passage.quote}</q>
          </>
        ) : (
          <span className="judgement-badge">Analyst judgement · no passage</span>
        )}
        {c.analystJudgement && c.passage && <span className="judgement-badge">Analyst judgement</span>}
        {c.notes && (
          <span className="claim-notes muted" title={c.notes}>
            {' '}
            · {c.notes}
          </span>
        )}
      </span>
    </div>
  )
}
