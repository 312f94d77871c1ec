// The open map's filters: entity type, documents, predicate, minimum grade,
// status, date range of claims, isolated nodes, and focus on a neighbourhood.
// Every change is saved with the map.
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { CLAIM_STATUSES, DEFAULT_MAP_FILTERS, INFO_CREDIBILITY_LABELS, SOURCE_RELIABILITY, SOURCE_RELIABILITY_LABELS, type MapFilters, type MinGrade } from '@contract/types'
import { entityType } from '@contract/vocabulary'
import { useStore } from '../store'
import { tabbables, trapTab, useFocusReturn } from '../ui/useFocusTrap'
import { predicateKey } from './edgesFromClaims'
import type { MapData } from './filters'

interface Props {
  filters: MapFilters
  data: MapData
  onChange(f: MapFilters): void
  onClose(): void
}

/** A checkbox list where "everything ticked" is stored as null (new items show up too). */
function CheckList<T extends string | number>({ label, items, value, onChange }: { label: string; items: { key: T; label: ReactNode }[]; value: T[] | null; onChange(v: T[] | null): void }) {
  const chosen = new Set(value ?? items.map((i) => i.key))
  const toggle = (k: T) => {
    const next = new Set(chosen)
    if (next.has(k)) next.delete(k)
    else next.add(k)
    onChange(items.every((i) => next.has(i.key)) ? null : items.map((i) => i.key).filter((x) => next.has(x)))
  }
  return (
    <fieldset className="filter-group">
      <legend>
        {label}{' '}
        <button type="button" className="link" onClick={() => onChange(null)} disabled={value === null}>
          all
        </button>{' '}
        <button type="button" className="link" onClick={() => onChange([])} disabled={value?.length === 0}>
          none
        </button>
      </legend>
      <div className="filter-list">
        {items.map((i) => (
          <label key={String(i.key)} className="checkbox">
            <input type="checkbox" checked={chosen.has(i.key)} onChange={() => toggle(i.key)} />
            {i.label}
          </label>
        ))}
        {items.length === 0 && <span className="muted">none in this project</span>}
      </div>
    </fieldset>
  )
}

/** "Any" is the worst grade (F, 6); both "any" means no minimum. */
function minGrade(reliability: MinGrade['reliability'], credibility: number): MinGrade | null {
  return reliability === 'F' && credibility === 6 ? null : { reliability, credibility }
}

export function FiltersPanel({ filters, data, onChange, onClose }: Props) {
  const documents = useStore((s) => s.documents)
  const customTypes = useStore((s) => s.entityTypes)
  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch })

  const types = useMemo(() => {
    const keys = [...new Set(data.entities.map((e) => e.type))]
    return keys.map((k) => {
      const custom = customTypes.find((t) => t.key === k)
      const t = custom ?? entityType(k)
      return { key: k, label: <><span className="dot" style={{ background: t.color }} /> {t.label}</> }
    })
  }, [data.entities, customTypes])
  const predicates = useMemo(() => {
    const byKey = new Map<string, string>()
    for (const c of data.claims) if (!byKey.has(predicateKey(c.predicate))) byKey.set(predicateKey(c.predicate), c.predicate.trim())
    return [...byKey.values()].sort((a, b) => a.localeCompare(b)).map((p) => ({ key: p, label: p }))
  }, [data.claims])
  const sortedEntities = useMemo(() => [...data.entities].sort((a, b) => a.name.localeCompare(b.name)), [data.entities])
  const grade: MinGrade | null = filters.minGrade
  // A dialog for the keyboard too: the focus moves in, Tab stays in, and goes back to the Filters button on close.
  const ref = useRef<HTMLDivElement>(null)
  useFocusReturn()
  useEffect(() => {
    if (ref.current) tabbables(ref.current)[0]?.focus()
  }, [])

  return (
    <div className="map-filters" role="dialog" aria-label="Map filters" ref={ref} onKeyDown={(e) => trapTab(e, ref.current)}>
      <div className="map-filters-head">
        <strong>Filters of this map</strong>
        <span className="spacer" />
        <button type="button" onClick={() => onChange(DEFAULT_MAP_FILTERS)}>
          Reset
        </button>
        <button type="button" className="icon" aria-label="Close filters" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="map-filters-body">
        <CheckList label="Entity types" items={types} value={filters.entityTypes} onChange={(entityTypes) => set({ entityTypes: entityTypes as string[] | null })} />
        <CheckList
          label="Documents"
          items={documents.map((d) => ({ key: d.id, label: <span title={d.title}>{d.title}</span> }))}
          value={filters.documentIds}
          onChange={(documentIds) => set({ documentIds: documentIds as number[] | null })}
        />
        <CheckList label="Predicates and link labels" items={predicates} value={filters.predicates} onChange={(p) => set({ predicates: p as string[] | null })} />
        <fieldset className="filter-group">
          <legend>Claims</legend>
          <label className="inline-field">
            Minimum reliability
            <select
              aria-label="Minimum reliability"
              value={grade && grade.reliability !== 'F' ? grade.reliability : ''}
              onChange={(e) => set({ minGrade: minGrade((e.target.value || 'F') as MinGrade['reliability'], grade?.credibility ?? 6) })}
            >
              <option value="">any</option>
              {SOURCE_RELIABILITY.filter((r) => r !== 'F').map((r) => (
                <option key={r} value={r}>
                  {r} – {SOURCE_RELIABILITY_LABELS[r]}
                  {' or better'}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Minimum credibility
            <select
              aria-label="Minimum credibility"
              value={grade && grade.credibility !== 6 ? grade.credibility : ''}
              onChange={(e) => set({ minGrade: minGrade(grade?.reliability ?? 'F', Number(e.target.value || 6)) })}
            >
              <option value="">any</option>
              {([1, 2, 3, 4, 5] as const).map((c) => (
                <option key={c} value={c}>
                  {c} – {INFO_CREDIBILITY_LABELS[c]}
                  {' or better'}
                </option>
              ))}
            </select>
          </label>
          <div className="filter-list inline">
            {CLAIM_STATUSES.map((st) => {
              const on = !filters.statuses || filters.statuses.includes(st)
              return (
                <label key={st} className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => {
                      const cur = new Set(filters.statuses ?? CLAIM_STATUSES)
                      if (on) cur.delete(st)
                      else cur.add(st)
                      set({ statuses: CLAIM_STATUSES.every((x) => cur.has(x)) ? null : CLAIM_STATUSES.filter((x) => cur.has(x)) })
                    }}
                  />
                  {st}
                </label>
              )
            })}
          </div>
          <div className="date-range" title="A claim's date is its document's publication date, else the day it was recorded">
            <label className="inline-field">
              From
              <input type="date" aria-label="Claims from" value={filters.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value || null })} />
            </label>
            <label className="inline-field">
              to
              <input type="date" aria-label="Claims to" value={filters.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value || null })} />
            </label>
          </div>
          {(filters.minGrade || filters.statuses || filters.dateFrom || filters.dateTo) && <p className="muted small">Co-mentions have no grade, status or date: they are hidden while these are set. Your links count as claims graded F6 unless you graded them, dated the day you made them.</p>}
        </fieldset>
        <fieldset className="filter-group">
          <legend>Layout of what is shown</legend>
          <label className="checkbox">
            <input type="checkbox" checked={filters.hideIsolated} onChange={(e) => set({ hideIsolated: e.target.checked })} />
            Hide entities without edges
          </label>
          <label className="inline-field">
            Focus on
            <select
              aria-label="Focus on entity"
              value={filters.focus?.entityId ?? ''}
              onChange={(e) => set({ focus: e.target.value ? { entityId: Number(e.target.value), hops: filters.focus?.hops ?? 1 } : null })}
            >
              <option value="">the whole map</option>
              {sortedEntities.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            within
            <select aria-label="Focus steps" disabled={!filters.focus} value={filters.focus?.hops ?? 1} onChange={(e) => filters.focus && set({ focus: { ...filters.focus, hops: Number(e.target.value) as 1 | 2 | 3 } })}>
              <option value={1}>1 step</option>
              <option value={2}>2 steps</option>
              <option value={3}>3 steps</option>
            </select>
          </label>
        </fieldset>
      </div>
    </div>
  )
}
