// Typing proper-noun chunks by their words and their context, in order of
// how much each clue is worth in news text:
// 1. the chunk is a listed place, or has a place/organisation/event word
//    at its end or start ("Stewart Island", "Global Security Institute");
// 2. a title before it ("President Trump"), speech around it ("said X",
//    "X says"), a first name at its start → a person;
// 3. "X-based", "in/from/near X" → a place; "according to X" → an
//    organisation unless it looks like a person;
// 4. a product noun after it ("the Claude AI model", "Minecraft protocol");
// 5. what is left: two or three plain capitalised words read as a person,
//    acronyms and one-word names as organisations (a low score either way).
// Nationality words are no mention at all. Document-level consistency
// (a surname seen in a full name) is applied afterwards by the caller.
import type { Chunk } from './chunks'
import { EVENT_LAST, FIRST_NAMES, LOC_FIRST, LOC_LAST, NATIONALITIES, ORG_FIRST, ORG_LAST, TITLES } from './lexicon'
import type { Token } from './model'
import { PLACES } from './places'
import type { CoarseType } from './types'

export interface Typed {
  type: CoarseType
  score: number
  /** How the type was decided; later clues never override a strong one. */
  strong: boolean
}

const SPEECH_AFTER = /^,?\s(?:said|says|told|wrote|writes|noted|notes|added|adds|argued|argues|explained|recalled|who)\b/
const PLACE_BEFORE = /\b(?:in|from|near|across|throughout|outside|inside|to|into|of|at)\s(?:the\s)?$/
const PRODUCT_AFTER = /^\s(?:game|app|apps|browser|browsers|model|models|software|platform|protocol|format|phone|phones|device|devices|engine|plugin|plug-in|extension|operating system|chip|chips|console|version|versions|servers?)\b/
const PRODUCT_BEFORE = /\b(?:game|app|browser|software|platform|protocol|format|device|console|chatbot)\s$/

function words(c: Chunk, tokens: readonly Token[]): string[] {
  const out: string[] = []
  for (let i = c.from; i < c.to; i++) out.push(tokens[i]!.value)
  return out
}

export function typeChunk(c: Chunk, tokens: readonly Token[], text: string): Typed | null {
  const w = words(c, tokens)
  const first = w[0]!
  const last = w[w.length - 1]!
  if (w.length === 1 && NATIONALITIES.has(first)) return null
  if (w.every((x) => NATIONALITIES.has(x))) return null
  const before = text.slice(Math.max(0, c.start - 30), c.start)
  const after = text.slice(c.end, c.end + 30)
  const prevWord = c.from > 0 ? tokens[c.from - 1]!.value : ''
  if (PLACES.has(c.text)) return { type: 'LOC', score: 0.85, strong: true }
  if (EVENT_LAST.has(last) && w.length > 1) return { type: 'EVENT', score: 0.7, strong: true }
  if (ORG_LAST.has(last) && w.length > 1) return { type: 'ORG', score: 0.8, strong: true }
  if (ORG_FIRST.has(first) && w.length > 2) return { type: 'ORG', score: 0.75, strong: true }
  if ((LOC_LAST.has(last) || LOC_FIRST.has(first)) && w.length > 1) return { type: 'LOC', score: 0.75, strong: true }
  if (TITLES.has(prevWord) || TITLES.has(prevWord + '.')) return { type: 'PERSON', score: 0.8, strong: true }
  if (/^-based\b/.test(after)) return { type: 'LOC', score: 0.75, strong: true }
  const personish = FIRST_NAMES.has(first) && w.length >= 2 && w.length <= 4
  if (personish) return { type: 'PERSON', score: 0.8, strong: true }
  if (w.length >= 2 && w.some((x) => /^(?:de|van|von|da|di|du|del|der)$/.test(x))) return { type: 'PERSON', score: 0.7, strong: true }
  if (PRODUCT_AFTER.test(after) || PRODUCT_BEFORE.test(before)) return { type: 'PRODUCT', score: 0.6, strong: false }
  const acronym = /^\p{Lu}[\p{Lu}\p{N}&.]+$/u.test(c.text) && c.text.replace(/\./g, '').length <= 6
  if (acronym) return { type: 'ORG', score: 0.6, strong: false }
  if (SPEECH_AFTER.test(after) || /\b(?:said|says|told)\s$/.test(before)) {
    return { type: 'PERSON', score: w.length > 1 ? 0.7 : 0.55, strong: false }
  }
  if (/\baccording to\s(?:the\s)?$/i.test(before)) return { type: 'ORG', score: 0.55, strong: false }
  if (PLACE_BEFORE.test(before) && w.length <= 2 && !/\p{Ll}\p{Lu}/u.test(c.text)) return { type: 'LOC', score: 0.45, strong: false }
  if (w.length >= 2 && w.length <= 3 && w.every((x) => /^\p{Lu}\p{Ll}+$/u.test(x))) return { type: 'PERSON', score: 0.5, strong: false }
  return { type: 'ORG', score: 0.4, strong: false }
}
