// Regular-expression rules for money, dates and percentages, each with its
// parsed value. Values come from the claim form's own parser
// (tagging/values.ts parseValue: "$29 billion" is exactly 29000000000 USD),
// so an accepted suggestion prefills a claim with what the form would read.
// Spans follow the gold set's guidelines: qualifiers ("as high as") are not
// part of the span but set the value's qualifier; early/mid/late are part of
// a date; relative dates ("this year") are left out, as they name no date.
import type { ClaimObject, ClaimQualifier } from '../../contract/types'
import { parseValue } from '../tagging/values'
import type { SuggestedValue } from './types'
import { qualifierBefore } from '../../contract/qualifiers'

export interface RuleHit {
  start: number
  end: number
  kind: 'MONEY' | 'DATE' | 'PERCENT'
  value?: SuggestedValue
}

const SYMBOL = String.raw`(?:US\$|HK\$|A\$|C\$|[$€£¥₹₩₽₪])`
const CODE = String.raw`(?:USD|EUR|GBP|JPY|CNY|CHF|INR|CAD|AUD)`
const AMOUNT = String.raw`\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const SCALE = String.raw`(?:thousand|million|billion|trillion|mln|mn|bn|tn|[kmbt])(?![\p{L}\p{N}])`
const CURRENCY_WORD = String.raw`(?:dollars|euros|pounds|yen|yuan|renminbi|rupees|francs)`
const MONEY = new RegExp(
  [
    String.raw`${SYMBOL}\s?(?:${AMOUNT})(?:\s?${SCALE})?`,
    String.raw`(?<![\p{L}\p{N}])${CODE}\s?(?:${AMOUNT})(?:\s?${SCALE})?`,
    String.raw`(?<![\p{L}\p{N}.,])(?:${AMOUNT})(?:\s?${SCALE})?\s(?:${CURRENCY_WORD}|${CODE})(?![\p{L}])`
  ].join('|'),
  'giu'
)

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
const DATE = new RegExp(
  [
    String.raw`${MONTH}\s${DAY},?\s${YEAR}`, // March 1, 2025
    String.raw`${DAY}\s${MONTH},?\s${YEAR}`, // 1 March 2025
    String.raw`(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s])?${MONTH}\s${YEAR}`, // (late) March 2025
    String.raw`${MONTH}\s${DAY}(?![\p{N}])`, // March 1
    String.raw`${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`, // 2025-03-01
    String.raw`(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s])?(?:${YEAR}|1[5-9]\d0s|20\d0s)(?![\p{L}\p{N}]|[,.]\d)`, // (late) 2025, 1990s
    String.raw`\d{1,2}(?:st|nd|rd|th)[-\s][Cc]entury`, // 20th century, 20th-century
    String.raw`(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\sof\s${YEAR}`, // summer of 1898
    String.raw`${WEEKDAY}`,
    String.raw`(?:January|February|April|June|July|August|September|October|November|December)` // a month alone ("May", "March" are words too)
  ]
    .map((p) => `(?<![\\p{L}\\p{N}$€£¥])${p}(?![\\p{L}\\p{N}])`)
    .join('|'),
  'gu'
)

const PERCENT = /(?<![\p{L}\p{N}.,])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/giu

/** Words after a bare year that make it a quantity, not a date ("2000 people"). */
const NOT_A_YEAR_AFTER = /^\s(?:[a-z]+s\b|people|persons|men|women|children|staff|feet|hours|feet|metres|meters|miles|kilometres|km|kg|tons|tonnes|times|per\b|x\b)/
/** Words before a bare year that make it a number ("page 2019", "$ 2000", "No. 1999"). */
const NOT_A_YEAR_BEFORE = /(?:\b(?:page|pages|p\.|No\.|number|room|flight|route|model|version|code|and|than|to|of about)\s|[$€£#=*^/])$/i

export { qualifierBefore }

function valueOf(text: string, start: number, end: number, object: ClaimObject | null): SuggestedValue | undefined {
  return object ? { object, qualifier: qualifierBefore(text, start) } : undefined
}

/** A date's value: the parser's reading of it, or of its year when it has a modifier ("late 2025" → 2025). */
function dateObject(s: string): ClaimObject | null {
  const direct = parseValue(s.replace(/(\d)(?:st|nd|rd|th)\b/, '$1'))
  if (direct?.kind === 'date') return direct
  const year = /^(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s](\d{4})$/i.exec(s)
  return year ? { kind: 'date', date: year[1]! } : null
}

export function findRules(text: string): RuleHit[] {
  const out: RuleHit[] = []
  for (const m of text.matchAll(MONEY)) {
    const s = m[0].replace(/[.,]+$/, '')
    const v = parseValue(s)
    if (v?.kind !== 'money') continue
    out.push({ start: m.index, end: m.index + s.length, kind: 'MONEY', value: valueOf(text, m.index, m.index + s.length, v) })
  }
  for (const m of text.matchAll(PERCENT)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'PERCENT', value: valueOf(text, m.index, 0, { kind: 'number', value: m[1]!, unit: '%' }) })
  }
  for (const m of text.matchAll(DATE)) {
    const s = m[0]
    const end = m.index + s.length
    if (/^\d{4}$/.test(s) && (NOT_A_YEAR_AFTER.test(text.slice(end, end + 16)) || NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)))) continue
    out.push({ start: m.index, end, kind: 'DATE', value: valueOf(text, m.index, end, dateObject(s)) })
  }
  // Money and percentages win over a year inside them ("$2000").
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: RuleHit[] = []
  for (const h of out) if (!kept.length || h.start >= kept[kept.length - 1]!.end) kept.push(h)
  return kept
}
