// The legend under the map: what each colour and line means (legend.ts
// derives it from the elements shown, so it lists only what is drawn), how
// much of the project the map shows, and the focus filter with a way out.
import type { Entity, MapFilters } from '@contract/types'
import { useStore } from '../../store'
import type { LegendEntry } from '../tiling'

interface Props {
  legend: LegendEntry[]
  entities: Entity[]
  shownCount: number
  edgeCount: number
  filters: MapFilters
}

export function MapLegend({ legend, entities, shownCount, edgeCount, filters }: Props) {
  const setMapFilters = useStore((s) => s.setMapFilters)
  const guard = useStore((s) => s.guard)
  return (
    <div className="map-legend" aria-label="Legend">
      {legend.map((l) => (
        <span key={l.label} className="legend-item">
          {l.swatch.kind === 'node' ? (
            <span className="dot" style={{ background: l.swatch.color }} />
          ) : (
            <svg className="legend-line" width="26" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2={l.swatch.arrow ? 20 : 26} y2="4" stroke={l.swatch.color} strokeWidth={l.swatch.width} strokeDasharray={l.swatch.dash.join(' ') || undefined} />
              {l.swatch.arrow && <path d="M26 4L19 0.5L19 7.5Z" fill={l.swatch.color} />}
            </svg>
          )}
          {l.label}
        </span>
      ))}
      <span className="legend-item muted map-count" aria-label="Shown on the map">
        {shownCount.toLocaleString()} of {entities.length.toLocaleString()} entities · {edgeCount.toLocaleString()} edges
      </span>
      {filters.focus && (
        <span className="legend-item focus-note">
          Focus: {entities.find((e) => e.id === filters.focus!.entityId)?.name ?? '?'} ± {filters.focus.hops}
          <button type="button" className="link" onClick={() => void guard(() => setMapFilters({ ...filters, focus: null }))}>
            clear
          </button>
        </span>
      )}
    </div>
  )
}
