// Proper-noun chunks: runs of capitalised tokens on one line, glued by name
// particles ("Luis de Miranda") and, inside organisation names, by "of",
// "on", "for", "and" ("Center on Poverty and Inequality"). A chunk never
// crosses punctuation, a line break or a possessive, so "Facebook’s" gives
// "Facebook" and "San Francisco-based" gives "San Francisco".
//
// Sentence-initial words are the classic false positive ("Concerns arise",
// "Whale whisperer Hori Parata"): a chunk's first word at a sentence start is
// kept only when it is known (a place, a first name) or looks like a name
// anyway (all capitals, an inner capital, or written capitalised elsewhere
// mid-sentence) and is never written in lower case in the document.
import { COMMON_INITIAL, FIRST_NAMES, NAME_PARTICLES, ORG_CONNECTORS, ORG_FIRST, ORG_LAST, TITLES } from './lexicon'
import type { Token } from './model'
import { PLACES } from './places'

export interface Chunk {
  /** Index of the first and one past the last token. */
  from: number
  to: number
  start: number
  end: number
  text: string
  /** The chunk's first token starts a sentence. */
  initial: boolean
}

const CAP = /^\p{Lu}/u
const LOWER_WORD = /^\p{Ll}+$/u
const CONTRACTION = /^I['’]/

function isCap(t: Token): boolean {
  if (!CAP.test(t.value) || t.value === 'I' || CONTRACTION.test(t.value)) return false
  // "Ninety Mile Beach": a number written as a word can start a name; digits cannot.
  return t.pos !== 'PUNCT' && t.pos !== 'SYM' && !(t.pos === 'NUM' && /\d/.test(t.value))
}

/** Words the document writes in lower case somewhere ("whale", "concerns"). */
export function lowerWords(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>()
  for (const t of tokens) if (LOWER_WORD.test(t.value)) out.add(t.value)
  return out
}

/** Words the document writes capitalised in mid-sentence. */
export function midCapWords(tokens: readonly Token[], initial: (i: number) => boolean): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < tokens.length; i++) if (isCap(tokens[i]!) && !initial(i)) out.add(tokens[i]!.value)
  return out
}

/** Whether token i starts a sentence, looking through opening quotes, bullets and brackets (computed once per token). */
export function initialTest(tokens: readonly Token[]): (i: number) => boolean {
  const flags = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) flags[i] = startsSentence(tokens, i) ? 1 : 0
  return (i) => flags[i] === 1
}

function startsSentence(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k >= 0; k--) {
    const t = tokens[k]!
    // Only opening punctuation may stand between a sentence start and the word.
    if (k < i && !/^[“"‘'(\[•*–—-]+$/.test(t.value) && !/^\s+$/.test(t.value)) return false
    if (t.sentenceStart) return true
    // A quotation starts a sentence of its own: “When we hear …”, a "Like" button.
    if (k < i && /^[“"]$/.test(t.value)) return true
  }
  return true
}

function looksLikeName(value: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}.&-]+$/u.test(value) || /\p{Ll}\p{Lu}/u.test(value)
}

export function findChunks(text: string, tokens: readonly Token[]): Chunk[] {
  const initial = initialTest(tokens)
  const lower = lowerWords(tokens)
  const midCaps = midCapWords(tokens, initial)
  const midPairs = new Set<string>()
  for (let k = 1; k < tokens.length; k++) {
    if (!initial(k - 1) && isCap(tokens[k - 1]!) && isCap(tokens[k]!)) midPairs.add(`${tokens[k - 1]!.value} ${tokens[k]!.value}`)
  }
  const sameLine = (a: Token, b: Token) => !/\n/.test(text.slice(a.end, b.start)) && b.start - a.end <= 2
  const out: Chunk[] = []
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]!
    const particleStart = NAME_PARTICLES.has(t.value) && i + 1 < tokens.length && isCap(tokens[i + 1]!) && sameLine(t, tokens[i + 1]!) && !initial(i)
    if (!isCap(t) && !particleStart) {
      i++
      continue
    }
    let j = i + 1
    let connectors = 0
    while (j < tokens.length) {
      const prev = tokens[j - 1]!
      const cur = tokens[j]!
      if (!sameLine(prev, cur) || prev.end === cur.start && !isCap(cur)) break
      // A title inside a run starts a new chunk ("U.S. President Trump" → "U.S." + "Trump").
      if (isCap(cur) && TITLES.has(cur.value) && j + 1 < tokens.length && isCap(tokens[j + 1]!)) break
      if (isCap(cur) && prev.end !== cur.start) {
        j++
        continue
      }
      const next = tokens[j + 1]
      if (!next || !isCap(next) || !sameLine(cur, next)) break
      if (NAME_PARTICLES.has(cur.value)) {
        j += 2
        continue
      }
      const orgish = ORG_FIRST.has(prev.value) || ORG_LAST.has(prev.value) || connectors > 0
      if (ORG_CONNECTORS.has(cur.value) && orgish && (cur.value !== 'and' || connectors > 0)) {
        connectors++
        j += 2
        continue
      }
      break
    }
    let from = i
    // A sentence-initial first word that is an ordinary word is not part of the name.
    while (from < j && initial(from) && from === i) {
      const v = tokens[from]!.value
      // "Scale AI’s ascent": the same two words appear mid-sentence elsewhere.
      if (j - from > 1 && midPairs.has(`${v} ${tokens[from + 1]!.value}`) && !COMMON_INITIAL.has(v)) break
      // "De Miranda points out": a name particle capitalised at a sentence start stays in the name.
      if (j - from > 1 && NAME_PARTICLES.has(v.toLowerCase()) && v.length <= 3) break
      const known = PLACES.has(v) || FIRST_NAMES.has(v) || looksLikeName(v)
      const common = COMMON_INITIAL.has(v) || (!looksLikeName(v) && lower.has(v.toLowerCase())) || (!known && !midCaps.has(v) && tokens[from]!.pos !== 'PROPN')
      if (common || (!known && !midCaps.has(v) && j - from === 1)) from++
      else break
    }
    // A leading title is not part of the name ("Sir William Ramsay").
    while (from < j - 1 && TITLES.has(tokens[from]!.value)) from++
    // A leading "The" mid-sentence is kept only for one-word names ("The Atlantic"); "the" never.
    if (from < j && tokens[from]!.value === 'The' && (initial(from) || j - from > 2)) from++
    if (from < j && !isCap(tokens[from]!) && !NAME_PARTICLES.has(tokens[from]!.value)) from++
    if (from < j) {
      const a = tokens[from]!
      const b = tokens[j - 1]!
      out.push({ from, to: j, start: a.start, end: b.end, text: text.slice(a.start, b.end), initial: initial(from) })
    }
    i = j
  }
  return out
}
