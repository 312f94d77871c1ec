// The object of a claim: another entity, or a value (money, date, number,
// text) with its qualifier. Amounts may be typed as written ("13.8bn",
// "$500 million"); the core's parser turns them into exact decimals.
import { CLAIM_QUALIFIERS, type ClaimQualifier } from '@contract/types'
import { call } from '../api'
import { EntityPicker } from './EntityPicker'
import { OBJECT_KINDS, groupDigits, inWords, plainDecimal, withObject, type ObjectDraft } from './objectDraft'

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'INR', 'RUB', 'UAH', 'ILS', 'KRW', 'HKD']

const QUALIFIER_HINTS: Record<ClaimQualifier, string> = {
  exact: 'exactly',
  about: 'about, approximately, around',
  'at least': 'at least, more than, over',
  'up to': 'up to, as high as, at most'
}

interface Props {
  draft: ObjectDraft
  onChange(d: ObjectDraft): void
  qualifier: ClaimQualifier
  onQualifier(q: ClaimQualifier): void
  subjectId: number | null
}

export function ObjectEditor({ draft, onChange, qualifier, onQualifier, subjectId }: Props) {
  const set = (patch: Partial<ObjectDraft>) => onChange({ ...draft, ...patch })

  /** "29 billion", "$13.8bn", "March 2025" typed into a value field: read exactly by the core. */
  const normalise = async (typed: string) => {
    if (!typed.trim() || (draft.kind === 'money' && plainDecimal(typed)) || (draft.kind === 'number' && plainDecimal(typed))) {
      const p = plainDecimal(typed)
      if (p && p !== typed) set(draft.kind === 'money' ? { amount: p } : { value: p })
      return
    }
    const parsed = await call('claims.parseValue', { text: typed }).catch(() => null)
    if (!parsed) return
    if (draft.kind === 'money' && parsed.kind === 'money') onChange(withObject(draft, parsed))
    else if (draft.kind === 'money' && parsed.kind === 'number') set({ amount: parsed.value })
    else if (draft.kind === 'number' && (parsed.kind === 'number' || parsed.kind === 'money')) set({ value: parsed.kind === 'number' ? parsed.value : parsed.amount })
    else if (draft.kind === 'date' && parsed.kind === 'date') set({ date: parsed.date })
  }

  const exact = draft.kind === 'money' ? plainDecimal(draft.amount) : draft.kind === 'number' ? plainDecimal(draft.value) : null
  return (
    <div className="object-editor">
      <div className="object-kinds segmented" role="radiogroup" aria-label="Object kind">
        {OBJECT_KINDS.map((k) => (
          <button key={k.kind} type="button" role="radio" aria-checked={draft.kind === k.kind} onClick={() => set({ kind: k.kind })}>
            {k.label}
          </button>
        ))}
      </div>
      {draft.kind === 'entity' ? (
        <EntityPicker
          label="Object entity"
          value={draft.entityId}
          exclude={subjectId === null ? [] : [subjectId]}
          placeholder="Entity the claim points to…"
          onChange={(c) => set({ entityId: c && 'entityId' in c ? c.entityId : null })}
        />
      ) : (
        <div className="object-value">
          <select aria-label="Qualifier" value={qualifier} onChange={(e) => onQualifier(e.target.value as ClaimQualifier)} title={QUALIFIER_HINTS[qualifier]}>
            {CLAIM_QUALIFIERS.map((q) => (
              <option key={q} value={q} title={QUALIFIER_HINTS[q]}>
                {q}
              </option>
            ))}
          </select>
          {draft.kind === 'money' && (
            <>
              <input
                className="amount"
                aria-label="Amount"
                inputMode="decimal"
                placeholder="29000000000 or 29 billion"
                value={draft.amount}
                onChange={(e) => set({ amount: e.target.value })}
                onBlur={(e) => void normalise(e.target.value)}
              />
              <input className="currency" aria-label="Currency" list="claim-currencies" maxLength={3} value={draft.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} />
              <datalist id="claim-currencies">
                {CURRENCIES.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
          {draft.kind === 'number' && (
            <>
              <input className="amount" aria-label="Number" inputMode="decimal" placeholder="42 or 1.5 million" value={draft.value} onChange={(e) => set({ value: e.target.value })} onBlur={(e) => void normalise(e.target.value)} />
              <input className="unit" aria-label="Unit" placeholder="unit (troops, km…)" maxLength={60} value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
            </>
          )}
          {draft.kind === 'date' && (
            <input className="date" aria-label="Date" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" value={draft.date} onChange={(e) => set({ date: e.target.value })} onBlur={(e) => void normalise(e.target.value)} />
          )}
          {draft.kind === 'text' && <input className="text-value" aria-label="Value" maxLength={2000} value={draft.text} onChange={(e) => set({ text: e.target.value })} />}
        </div>
      )}
      {exact && (
        <div className="value-readout muted" aria-label="Exact value">
          = {qualifier !== 'exact' && `${qualifier} `}
          {groupDigits(exact)}
          {draft.kind === 'money' ? ` ${draft.currency.toUpperCase()}` : draft.unit ? ` ${draft.unit}` : ''}
          {inWords(exact) && ` (${inWords(exact)})`}
        </div>
      )}
    </div>
  )
}
