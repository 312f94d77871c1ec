// Sort and filter for the library: one row of compact native selects (they
// are keyboard- and screen-reader-friendly as they are) and a "tagged" toggle.
// Filters show only the kinds and publishers the project has, with counts.
import type { DocumentSummary } from '@contract/types'
import { useMemo } from 'react'
import { facetsOf, KIND_LABELS, NO_FILTER, SORT_LABELS, type Kind, type LibraryFilter, type SortKey } from './arrange'

interface Props {
  documents: readonly DocumentSummary[]
  sort: SortKey
  onSort(k: SortKey): void
  filter: LibraryFilter
  onFilter(f: LibraryFilter): void
  shown: number
}

export function LibraryControls({ documents, sort, onSort, filter, onFilter, shown }: Props) {
  const facets = useMemo(() => facetsOf(documents), [documents])
  const filtered = filter.kind !== null || filter.publisher !== null || filter.taggedOnly
  return (
    <div className="library-controls">
      <select aria-label="Sort documents by" title="Sort by" value={sort} onChange={(e) => onSort(e.target.value as SortKey)}>
        {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
          <option key={k} value={k}>
            {SORT_LABELS[k]}
          </option>
        ))}
      </select>
      <select aria-label="Show file type" value={filter.kind ?? ''} onChange={(e) => onFilter({ ...filter, kind: (e.target.value || null) as Kind | null })}>
        <option value="">All types</option>
        {facets.kinds.map(({ kind, count }) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind].label} ({count})
          </option>
        ))}
      </select>
      {facets.publishers.length > 0 && (
        <select aria-label="Show publisher" value={filter.publisher ?? ''} onChange={(e) => onFilter({ ...filter, publisher: e.target.value || null })}>
          <option value="">All publishers</option>
          {facets.publishers.map(({ name, count }) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
      )}
      <label className="library-tagged">
        <input type="checkbox" checked={filter.taggedOnly} onChange={(e) => onFilter({ ...filter, taggedOnly: e.target.checked })} /> Tagged
      </label>
      {filtered && (
        <span className="library-filtered muted" role="status">
          {shown} of {documents.length}{' '}
          <button type="button" className="link" onClick={() => onFilter(NO_FILTER)}>
            Show all
          </button>
        </span>
      )}
    </div>
  )
}
