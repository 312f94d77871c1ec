// A claim's object while it is edited: every kind's fields are kept, so
// switching kind and back loses nothing. Values stay exact decimal strings.
import type { ClaimObject, ClaimObjectKind } from '@contract/types'

export interface ObjectDraft {
  kind: ClaimObjectKind
  entityId: number | null
  amount: string
  currency: string
  date: string
  value: string
  unit: string
  text: string
}

export const EMPTY_OBJECT: ObjectDraft = { kind: 'entity', entityId: null, amount: '', currency: 'USD', date: '', value: '', unit: '', text: '' }

export const OBJECT_KINDS: { kind: ClaimObjectKind; label: string }[] = [
  { kind: 'entity', label: 'Entity' },
  { kind: 'money', label: 'Money' },
  { kind: 'date', label: 'Date' },
  { kind: 'number', label: 'Number' },
  { kind: 'text', label: 'Text' }
]

/** Puts a parsed or stored object into a draft (keeping the other kinds' fields). */
export function withObject(d: ObjectDraft, o: ClaimObject): ObjectDraft {
  switch (o.kind) {
    case 'entity':
      return { ...d, kind: 'entity', entityId: o.entityId }
    case 'money':
      return { ...d, kind: 'money', amount: o.amount, currency: o.currency }
    case 'date':
      return { ...d, kind: 'date', date: o.date }
    case 'number':
      return { ...d, kind: 'number', value: o.value, unit: o.unit }
    case 'text':
      return { ...d, kind: 'text', text: o.text }
  }
}

/** "29,000,000,000" or "29 000 000 000" → "29000000000"; null unless a plain decimal remains. */
export function plainDecimal(s: string): string | null {
  const t = s.trim().replace(/[\s,\u00a0\u202f']/g, '')
  return /^-?\d{1,30}(\.\d{1,12})?$/.test(t) ? t : null
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/

/** The object to save, or what is wrong with the draft. */
export function draftToObject(d: ObjectDraft): { object: ClaimObject } | { error: string } {
  switch (d.kind) {
    case 'entity':
      return d.entityId === null ? { error: 'Choose the entity the claim points to.' } : { object: { kind: 'entity', entityId: d.entityId } }
    case 'money': {
      const amount = plainDecimal(d.amount)
      if (amount === null) return { error: 'Amount: digits with an optional decimal point, e.g. 29000000000 or 13.8 billion.' }
      if (!/^[A-Za-z]{3}$/.test(d.currency.trim())) return { error: 'Currency: a three-letter code such as USD or EUR.' }
      return { object: { kind: 'money', amount, currency: d.currency.trim().toUpperCase() } }
    }
    case 'date':
      return DATE.test(d.date.trim()) ? { object: { kind: 'date', date: d.date.trim() } } : { error: 'Date: YYYY, YYYY-MM or YYYY-MM-DD.' }
    case 'number': {
      const value = plainDecimal(d.value)
      return value === null ? { error: 'Number: digits with an optional decimal point.' } : { object: { kind: 'number', value, unit: d.unit.trim() } }
    }
    case 'text':
      return d.text.trim() ? { object: { kind: 'text', text: d.text.trim() } } : { error: 'Write the value.' }
  }
}

/** "29000000000" → "29,000,000,000" (display only; the string stays exact). */
export function groupDigits(decimal: string): string {
  const neg = decimal.startsWith('-')
  const [int, frac] = (neg ? decimal.slice(1) : decimal).split('.')
  return `${neg ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`
}

const SCALE_WORDS: [number, string][] = [
  [12, 'trillion'],
  [9, 'billion'],
  [6, 'million']
]

/** "29000000000" → "29 billion" when it is a round figure of one; null otherwise. Exact: string arithmetic only. */
export function inWords(decimal: string): string | null {
  const m = /^(-?)(\d+)$/.exec(decimal)
  if (!m) return null
  for (const [exp, word] of SCALE_WORDS) {
    if (m[2]!.length <= exp) continue
    const head = m[2]!.slice(0, m[2]!.length - exp)
    const tail = m[2]!.slice(m[2]!.length - exp).replace(/0+$/, '')
    if (tail.length > 3) continue
    return `${m[1]}${head}${tail ? `.${tail}` : ''} ${word}`
  }
  return null
}
