// Claim values and predicates, normalised. Pure functions.
//
// Money and numbers are exact decimal strings everywhere: scaling "29
// billion" is done by moving the decimal point in the string, never with
// floating point, so 29000000000 stays 29000000000 and 0.1 + 0.2 never
// happens.
import type { ClaimObject } from '../../contract/types'

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/** "029.50" → "29.5", "-0" → "0", "1e3" → null (only plain decimals). */
export function canonicalDecimal(s: string): string | null {
  const m = DECIMAL.exec(s.trim())
  if (!m) return null
  const int = m[2]!.replace(/^0+(?=\d)/, '')
  const frac = (m[3] ?? '').replace(/0+$/, '')
  const body = frac ? `${int}.${frac}` : int
  return m[1] && body !== '0' ? `-${body}` : body
}

/** Multiplies a decimal string by 10^exp exactly. */
export function shiftDecimal(s: string, exp: number): string {
  const c = canonicalDecimal(s)
  if (c === null) throw new Error(`not a decimal: ${s}`)
  const neg = c.startsWith('-')
  const [int, frac = ''] = (neg ? c.slice(1) : c).split('.')
  let digits = int! + frac
  let point = int!.length + exp
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length)
  const out = canonicalDecimal(`${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`)!
  return neg && out !== '0' ? `-${out}` : out
}

/** "29000000000" → "29,000,000,000" (display only). */
export function groupDigits(decimal: string): string {
  const neg = decimal.startsWith('-')
  const [int, frac] = (neg ? decimal.slice(1) : decimal).split('.')
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`
}

/**
 * A predicate's key for grouping and suggestions: compatibility-normalised,
 * accents and case folded, punctuation and white space collapsed to single
 * spaces. "Awarded  contract to," and "awarded contract to" are the same.
 */
export function predicateKey(predicate: string): string {
  return predicate
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The predicate as stored: trimmed, inner white space collapsed, NFC. */
export function cleanPredicate(predicate: string): string {
  return predicate.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** Normalises a claim object for storage (canonical decimals, upper-case currency, NFC text). */
export function normaliseObject(o: ClaimObject): ClaimObject {
  switch (o.kind) {
    case 'entity':
      return { kind: 'entity', entityId: o.entityId }
    case 'money': {
      const amount = canonicalDecimal(o.amount)
      if (amount === null) throw new RangeError(`not an exact decimal amount: ${o.amount}`)
      return { kind: 'money', amount, currency: o.currency.trim().toUpperCase() }
    }
    case 'number': {
      const value = canonicalDecimal(o.value)
      if (value === null) throw new RangeError(`not an exact decimal number: ${o.value}`)
      return { kind: 'number', value, unit: (o.unit ?? '').normalize('NFC').trim() }
    }
    case 'date':
      return { kind: 'date', date: o.date.trim() }
    case 'text':
      return { kind: 'text', text: o.text.normalize('NFC').replace(/\s+/gu, ' ').trim() }
  }
}

/** Two objects are the same claim value when their keys are equal. */
export function objectKey(o: ClaimObject): string {
  switch (o.kind) {
    case 'entity':
      return `entity:${o.entityId}`
    case 'money':
      return `money:${o.currency.toUpperCase()}:${canonicalDecimal(o.amount) ?? o.amount}`
    case 'number':
      return `number:${canonicalDecimal(o.value) ?? o.value}:${o.unit.toLowerCase()}`
    case 'date':
      return `date:${o.date}`
    case 'text':
      return `text:${predicateKey(o.text)}`
  }
}

/** A value for display; entity objects need the entity's name. */
export function objectLabel(o: ClaimObject, entityName?: string): string {
  switch (o.kind) {
    case 'entity':
      return entityName ?? `#${o.entityId}`
    case 'money':
      return `${groupDigits(o.amount)} ${o.currency}`
    case 'number':
      return o.unit ? `${groupDigits(o.value)} ${o.unit}` : groupDigits(o.value)
    case 'date':
      return o.date
    case 'text':
      return o.text
  }
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₪': 'ILS',
  CHF: 'CHF',
  'A$': 'AUD',
  'C$': 'CAD',
  'HK$': 'HKD'
}
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupees: 'INR',
  francs: 'CHF'
}
const SCALES: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  mln: 6,
  million: 6,
  millions: 6,
  b: 9,
  bn: 9,
  billion: 9,
  billions: 9,
  t: 12,
  tn: 12,
  trillion: 12
}
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return -1
  return MONTHS.findIndex((m) => m.startsWith(w))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Reads a number written with thousands separators ("1,234.5", "13.8") as a decimal string. */
function readNumber(s: string): string | null {
  const t = s.replace(/(?<=\d)[,\u00a0\u202f'](?=\d{3}\b)/g, '')
  return canonicalDecimal(t)
}

/**
 * Reads a value as written in an article or typed by the analyst: money
 * ("$29 billion", "€1.2m", "500 million dollars", "USD 13.8bn"), a date
 * ("2025-03-01", "March 2025", "1 March 2025", "March 1, 2025", "2025"),
 * or a number ("42", "1,234.5", "five-fold" is not). Null when none fits.
 */
export function parseValue(input: string): ClaimObject | null {
  const s = input.normalize('NFKC').replace(/\s+/gu, ' ').trim()
  if (!s) return null
  // ISO dates
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s)
  if (m && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) && (!m[3] || validDay(Number(m[1]), Number(m[2]), Number(m[3])))) {
    // A bare four-digit number from 1000 to 2999 is read as a year.
    if (m[2] || (Number(m[1]) >= 1000 && Number(m[1]) <= 2999)) return { kind: 'date', date: m[0] }
  }
  // "March 2025", "1 March 2025", "March 1, 2025"
  m = /^(?:(\d{1,2}) )?([A-Za-z]+\.?) (?:(\d{1,2}),? )?(\d{4})$/.exec(s)
  if (m && !(m[1] && m[3])) {
    const mi = monthIndex(m[2]!)
    const y = Number(m[4])
    const d = m[1] ?? m[3]
    if (mi >= 0) {
      if (!d) return { kind: 'date', date: `${y}-${pad(mi + 1)}` }
      if (validDay(y, mi + 1, Number(d))) return { kind: 'date', date: `${y}-${pad(mi + 1)}-${pad(Number(d))}` }
    }
  }
  // Money and numbers: [currency] amount [scale] [currency]
  m = /^(?:(US\$|HK\$|A\$|C\$|[$€£¥₹₩₽₪]|[A-Z]{3}) ?)?(-?\d[\d,.\u00a0\u202f']*)(?: ?([A-Za-z]+)\.?)?(?: ([A-Za-z]+))?$/.exec(s)
  if (m) {
    let currency: string | null = null
    if (m[1]) currency = CURRENCY_SYMBOLS[m[1]] ?? (/^[A-Z]{3}$/.test(m[1]) ? m[1] : null)
    let amount = readNumber(m[2]!)
    if (amount === null) return null
    let scale = 0
    const words = [m[3], m[4]].filter((w): w is string => !!w)
    for (const w of words) {
      const lw = w.toLowerCase()
      if (SCALES[lw] !== undefined && scale === 0) scale = SCALES[lw]!
      else if (CURRENCY_WORDS[lw] && !currency) currency = CURRENCY_WORDS[lw]!
      else if (/^[A-Z]{3}$/.test(w) && !currency) currency = w
      else return null
    }
    if (scale) amount = shiftDecimal(amount, scale)
    return currency ? { kind: 'money', amount, currency } : { kind: 'number', value: amount, unit: '' }
  }
  return null
}
