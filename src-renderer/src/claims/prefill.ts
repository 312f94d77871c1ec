// What a new claim's form can guess from the selected passage: the entities
// tagged inside it, a value written in it ("$29 billion"), how the value is
// qualified ("as high as" = up to) and who the passage attributes it to
// ("according to TSG Invest", "said Marcus Thorne", the outlet). Guesses
// only fill the form; the analyst confirms every one of them. Pure.
import type { AttributionRole, ClaimQualifier, Mention } from '@contract/types'
import { qualifierBefore } from '@contract/qualifiers'

/** Entities tagged inside [start, end), in reading order, each once. */
export function entitiesInside(mentions: Mention[], start: number, end: number): number[] {
  const ids: number[] = []
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start >= start && m.end <= end && !ids.includes(m.entityId)) ids.push(m.entityId)
  }
  return ids
}

// A money amount, a number with a scale word, a written date or a year. The
// core's parser (claims.parseValue) decides what each really is.
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?'
const VALUE_RE = new RegExp(
  [
    `(?:US\\$|HK\\$|A\\$|C\\$|[$€£¥₹₩₽₪]|\\b(?:USD|EUR|GBP|JPY|CNY|CHF)\\s?)\\s?\\d[\\d,.]*(?:\\s?(?:k|thousand|m|mn|mln|million|b|bn|billion|t|tn|trillion)\\b)?`,
    `\\b\\d[\\d,.]*\\s?(?:million|billion|trillion|thousand|bn|mn)(?:\\s(?:dollars|euros|pounds|yen|yuan|USD|EUR|GBP))?\\b`,
    `\\b\\d{1,2}\\s${MONTH}\\s\\d{4}\\b`,
    `\\b${MONTH}\\s\\d{1,2},?\\s\\d{4}\\b`,
    `\\b${MONTH}\\s\\d{4}\\b`,
    `\\b\\d{4}-\\d{2}(?:-\\d{2})?\\b`
  ].join('|'),
  'g'
)

export interface ValueCandidate {
  text: string
  /** Offset inside the passage. */
  at: number
}

/** Substrings of the passage that look like values, first one first; the whole passage first when it is short. */
export function valueCandidates(passage: string): ValueCandidate[] {
  const out: ValueCandidate[] = []
  const trimmed = passage.trim()
  if (trimmed.length <= 40) out.push({ text: trimmed, at: passage.indexOf(trimmed) })
  for (const m of passage.matchAll(VALUE_RE)) {
    const text = m[0].replace(/[.,]+$/, '').trim()
    if (text && !out.some((c) => c.text === text && c.at === m.index)) out.push({ text, at: m.index })
  }
  return out
}

export { qualifierBefore }

export interface AttributionHint {
  name: string
  role: AttributionRole
  /** The entity type to create it as, when it is not an entity yet. */
  type: 'Source' | 'Person'
}

const NAME = "((?:[A-Z][\\w’'&.-]*)(?:\\s(?:of\\s|the\\s|for\\s|and\\s|&\\s)?[A-Z][\\w’'&.-]*){0,5})"
const HINTS: [RegExp, AttributionRole, AttributionHint['type']][] = [
  [new RegExp(`\\baccording to (?:data from |a report by |reports by |sources at |figures from )?(?:the )?${NAME}`, 'g'), 'according to', 'Source'],
  [new RegExp(`\\b(?:said|says|told|stated|wrote|noted) ${NAME}`, 'g'), 'said', 'Person'],
  [new RegExp(`${NAME},? (?:said|says|told|stated|wrote|noted)\\b`, 'g'), 'said', 'Person'],
  [new RegExp(`\\b(?:reported by|first reported by) (?:the )?${NAME}`, 'g'), 'reported by', 'Source']
]

/**
 * The outlet that published the document ("reported by" its site name),
 * then who the sentence around the passage credits, in that order.
 */
export function attributionHints(context: string, outlet: string | null): AttributionHint[] {
  const out: AttributionHint[] = []
  const add = (h: AttributionHint) => {
    const name = h.name.replace(/[’']s$/, '').replace(/[.,;:]+$/, '').trim()
    if (name.length < 2 || /^(The|This|That|It|He|She|They|We|I)$/.test(name)) return
    if (!out.some((o) => o.name.toLowerCase() === name.toLowerCase())) out.push({ ...h, name })
  }
  // Outermost first: the outlet reports what its sources say.
  if (outlet?.trim()) add({ name: outlet.trim(), role: 'reported by', type: 'Source' })
  for (const [re, role, type] of HINTS) for (const m of context.matchAll(re)) add({ name: m[1]!, role, type })
  return out.slice(0, 4)
}

/** The sentence(s) around [start, end) in the text: where attributions are written. */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf('. ', start) + 1, text.lastIndexOf('\n', start) + 1)
  let to = text.indexOf('\n', end)
  if (to === -1) to = text.length
  const stop = text.slice(end, to).search(/[.!?](?:\s|$)/)
  return text.slice(from, stop === -1 ? to : end + stop + 1).trim()
}
