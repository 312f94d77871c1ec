// A suggested value as the analyst reads it: "up to 29,000,000,000 USD",
// "2025-03-01", "12.5 %". The amount stays the exact decimal string the core
// parsed (never a float); only digit groups are added.
import type { EntitySuggestion } from '@contract/types'

function group(decimal: string): string {
  const [int, frac] = decimal.split('.')
  const sign = int!.startsWith('-') ? '-' : ''
  const digits = sign ? int!.slice(1) : int!
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`
}

export function valueLabel(v: NonNullable<EntitySuggestion['value']>): string {
  const q = v.qualifier === 'exact' ? '' : `${v.qualifier} `
  const o = v.object
  switch (o.kind) {
    case 'money':
      return `${q}${group(o.amount)} ${o.currency}`
    case 'date':
      return `${q}${o.date}`
    case 'number':
      return `${q}${group(o.value)}${o.unit ? ` ${o.unit}` : ''}`
    case 'text':
      return `${q}${o.text}`
    default:
      return q.trim()
  }
}
