// The NATO Admiralty grade and a claim's status: pickers for the form and
// badges for the pane, with the meaning of every letter and digit at hand.
import {
  CLAIM_STATUSES,
  INFO_CREDIBILITY,
  INFO_CREDIBILITY_LABELS,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_LABELS,
  type ClaimStatus,
  type InfoCredibility,
  type SourceReliability
} from '@contract/types'

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
  refuted: 'Refuted'
}

/** "B2" → "B: Usually reliable · 2: Probably true". */
export function gradeMeaning(r: SourceReliability, c: number): string {
  return `${r}: ${SOURCE_RELIABILITY_LABELS[r]} · ${c}: ${INFO_CREDIBILITY_LABELS[c as InfoCredibility] ?? ''}`
}

/** Strong (A–B, 1–2), fair (C, 3), weak (D–E, 4–5) or unjudged (F, 6): drives the badge colour. */
function band(rank: number): string {
  return rank <= 1 ? 'strong' : rank === 2 ? 'fair' : rank <= 4 ? 'weak' : 'unjudged'
}

export function GradeBadge({ reliability, credibility }: { reliability: SourceReliability; credibility: number }) {
  return (
    <span className="grade-badge" title={gradeMeaning(reliability, credibility)} aria-label={`Grade ${reliability}${credibility}`}>
      <span className={`grade-part ${band(SOURCE_RELIABILITY.indexOf(reliability))}`}>{reliability}</span>
      <span className={`grade-part ${band(credibility - 1)}`}>{credibility}</span>
    </span>
  )
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`status-badge ${status}`}>{STATUS_LABELS[status]}</span>
}

interface ScaleProps<T extends string | number> {
  label: string
  short: string
  values: readonly T[]
  labels: Record<T, string>
  value: T
  onChange(v: T): void
}

/** A row of single-choice keys (A…F or 1…6) with the chosen key's meaning spelled out beside it. */
function Scale<T extends string | number>({ label, short, values, labels, value, onChange }: ScaleProps<T>) {
  return (
    <div className="grade-scale">
      <span className="grade-scale-label">{short}</span>
      <div className="grade-keys" role="radiogroup" aria-label={label}>
        {values.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={v === value}
            aria-label={`${v} ${labels[v]}`}
            title={`${v}: ${labels[v]}`}
            className={v === value ? 'grade-key selected' : 'grade-key'}
            tabIndex={v === value ? 0 : -1}
            onClick={() => onChange(v)}
            onKeyDown={(e) => {
              // Arrow keys move along the scale, as in any radio group.
              const i = values.indexOf(value)
              const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
              if (!step) return
              e.preventDefault()
              const next = values[(i + step + values.length) % values.length]!
              onChange(next)
              ;(e.currentTarget.parentElement?.children[values.indexOf(next)] as HTMLElement | undefined)?.focus()
            }}
          >
            {v}
          </button>
        ))}
      </div>
      <span className="grade-meaning">{labels[value]}</span>
    </div>
  )
}

export function ReliabilityPicker({ value, onChange }: { value: SourceReliability; onChange(v: SourceReliability): void }) {
  return <Scale label="Source reliability" short="Reliability" values={SOURCE_RELIABILITY} labels={SOURCE_RELIABILITY_LABELS} value={value} onChange={onChange} />
}

export function CredibilityPicker({ value, onChange }: { value: InfoCredibility; onChange(v: InfoCredibility): void }) {
  return <Scale label="Information credibility" short="Credibility" values={INFO_CREDIBILITY} labels={INFO_CREDIBILITY_LABELS} value={value} onChange={onChange} />
}

export function StatusPicker({ value, onChange }: { value: ClaimStatus; onChange(v: ClaimStatus): void }) {
  return (
    <div className="status-picker" role="radiogroup" aria-label="Status">
      {CLAIM_STATUSES.map((s) => (
        <button key={s} type="button" role="radio" aria-checked={s === value} className={`status-option ${s} ${s === value ? 'selected' : ''}`} onClick={() => onChange(s)}>
          {STATUS_LABELS[s]}
        </button>
      ))}
    </div>
  )
}
