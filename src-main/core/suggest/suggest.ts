// Entity suggestions for one text: the layers run in order of trust and the
// first to claim a span keeps it (no two suggestions overlap):
// 1. dictionary: the project's own names and aliases (dictionary.ts);
// 2. rule: money, dates, percentages with their values (rules.ts);
// 3. model: wink-nlp's money/date entities the rules missed (model.ts;
//    only with \`modelEntities\`: its recogniser doubles the time and, on
//    the gold set, finds nothing the rules miss);
// 4. heuristic: proper-noun chunks (from wink's tokens and part of speech)
//    typed by words and context (chunks.ts, heuristics.ts), made consistent
//    across the document (a surname seen in a full name is that person
//    everywhere; a name typed by a strong clue keeps that type in its other
//    places; names in one list share a type). Guesses scoring below
//    MIN_SCORE (a one-off capitalised word with no clue) are not offered.
// Non-English text gets layers 1 and 2 only (names, money, dates): the
// model and the heuristics are English. Pure and synchronous; the worker
// (suggestWorker.ts) runs it off the main thread.
import { findChunks, lowerWords, type Chunk } from './chunks'
import { Dictionary } from './dictionary'
import { typeChunk, type Typed } from './heuristics'
import { COMPANY, PUBLIC_BODY } from './lexicon'
import { analyse, type Token } from './model'
import { findRules } from './rules'
import { isEnglish, TYPE_KEY, type CoarseType, type SuggestOptions, type Suggestion } from './types'

const RULE_TYPE = { MONEY: 'Money', DATE: 'Date', PERCENT: 'Percent' } as const
const RELATIVE = /\b(?:this|last|next|ago|today|yesterday|tomorrow|recent|past|coming|since|years?|months?|weeks?|days?|decades?)\b/i
const ANCHORED = /\b(?:1[5-9]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/

/** The app's type key for a coarse type, organisations refined by their words. */
export function typeKeyFor(type: CoarseType, name: string): string {
  if (type !== 'ORG') return TYPE_KEY[type]
  if (PUBLIC_BODY.test(name)) return 'PublicBody'
  if (COMPANY.test(name)) return 'Company'
  return 'Organization'
}

interface TypedChunk {
  chunk: Chunk
  typed: Typed
}

/** Lines In Title Case (headlines, navigation): their capitalisation says nothing about names. */
function titleCaseLines(text: string): [number, number][] {
  const out: [number, number][] = []
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[0].match(/\p{L}{4,}/gu) ?? []
    if (words.length < 4 || /[.!?]["”’]?\s*$/.test(m[0])) continue
    if (words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.7) out.push([m.index, m.index + m[0].length])
  }
  return out
}

function typedChunks(text: string, tokens: Token[]): TypedChunk[] {
  const chunks = findChunks(text, tokens)
  const counts = new Map<string, number>()
  for (const c of chunks) counts.set(c.text, (counts.get(c.text) ?? 0) + 1)
  const ctx = { text, tokens, lower: lowerWords(tokens), count: (n: string) => counts.get(n) ?? 0, groups: new Set<string>() }
  const titles = titleCaseLines(text)
  const inTitle = (c: Chunk) => titles.some(([a, b]) => c.start >= a && c.end <= b)
  const body: TypedChunk[] = []
  const titled: Chunk[] = []
  for (const c of chunks) {
    if (inTitle(c)) {
      titled.push(c)
      continue
    }
    const t = typeChunk(c, ctx)
    if (t) body.push({ chunk: c, typed: t })
  }
  // A people or tribe's name is no mention anywhere ("the Ngātiwai tribe" ... "of Ngātiwai").
  for (let k = body.length - 1; k >= 0; k--) if (ctx.groups.has(body[k]!.chunk.text) && !body[k]!.typed.strong) body.splice(k, 1)
  coordinated(body, text)
  consistent(body, tokens)
  // A name seen in the body is found again inside a headline's chunk.
  const known = new Map<string, Typed>()
  for (const x of body) if (!known.has(x.chunk.text)) known.set(x.chunk.text, x.typed)
  for (const c of titled) {
    for (let k = c.from; k < c.to; ) {
      let hit: TypedChunk | null = null
      for (let e = c.to; e > k && !hit; e--) {
        const name = text.slice(tokens[k]!.start, tokens[e - 1]!.end)
        const t = known.get(name)
        if (t) hit = { chunk: { from: k, to: e, start: tokens[k]!.start, end: tokens[e - 1]!.end, text: name, initial: false }, typed: t }
      }
      if (hit) body.push(hit)
      k = hit ? hit.chunk.to : k + 1
    }
  }
  return body
}

const LIST_SEPARATOR = /^(?:,\s(?:and\s|or\s)?|\s(?:and|or|&)\s)$/

/** Names in one list ("SpaceX, OpenAI, Google, NVIDIA, and Microsoft") share the type of those typed by a clue. */
function coordinated(typed: TypedChunk[], text: string): void {
  typed.sort((a, b) => a.chunk.start - b.chunk.start)
  let from = 0
  for (let i = 1; i <= typed.length; i++) {
    const joined = i < typed.length && LIST_SEPARATOR.test(text.slice(typed[i - 1]!.chunk.end, typed[i]!.chunk.start))
    if (joined) continue
    const group = typed.slice(from, i)
    from = i
    if (group.length < 2) continue
    const votes = new Map<CoarseType, number>()
    for (const x of group) if (x.typed.strong || x.typed.score >= 0.6) votes.set(x.typed.type, (votes.get(x.typed.type) ?? 0) + 1)
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]
    if (!best) continue
    for (const x of group) if (!x.typed.strong && x.typed.score < 0.6) x.typed = { type: best[0], score: 0.55, strong: false }
  }
}

/**
 * One name, one type per document: a type from a specific clue spreads to
 * the name's other places; a surname seen in a full name is that person
 * (alone, or ending another name); otherwise the most frequent guess wins.
 */
function consistent(typed: TypedChunk[], tokens: Token[]): void {
  const surnames = new Set<string>()
  const strongType = new Map<string, Typed>()
  const votes = new Map<string, Map<CoarseType, number>>()
  for (const { chunk, typed: t } of typed) {
    if (t.type === 'PERSON' && t.strong && chunk.to - chunk.from >= 2) surnames.add(tokens[chunk.to - 1]!.value)
    if (t.strong && !strongType.has(chunk.text)) strongType.set(chunk.text, t)
    const v = votes.get(chunk.text) ?? new Map<CoarseType, number>()
    v.set(t.type, (v.get(t.type) ?? 0) + t.score)
    votes.set(chunk.text, v)
  }
  for (const x of typed) {
    if (x.typed.strong) continue
    const known = strongType.get(x.chunk.text)
    const last = tokens[x.chunk.to - 1]!.value
    if (known) x.typed = { ...known, score: Math.min(known.score, 0.75) }
    else if (surnames.has(x.chunk.text) || surnames.has(last)) x.typed = { type: 'PERSON', score: 0.7, strong: true }
    else {
      const best = [...votes.get(x.chunk.text)!].sort((a, b) => b[1] - a[1])[0]!
      if (best[0] !== x.typed.type) x.typed = { ...x.typed, type: best[0] }
    }
  }
}

export function suggestEntities(text: string, opts: SuggestOptions = {}): Suggestion[] {
  const found: Suggestion[] = []
  const dict = new Dictionary(opts.entities ?? [])
  for (const h of dict.find(text)) {
    found.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end), type: h.type, score: 0.95, source: 'dictionary', entityId: h.entityId })
  }
  const english = isEnglish(opts.lang)
  for (const r of findRules(text)) {
    if (r.kind === 'PERCENT' && !english) continue
    const s: Suggestion = { start: r.start, end: r.end, text: text.slice(r.start, r.end), type: RULE_TYPE[r.kind], score: 0.9, source: 'rule' }
    if (r.value) s.value = r.value
    found.push(s)
  }
  if (english && text.length) {
    const { tokens, entities } = analyse(text, { entities: opts.modelEntities ?? false })
    for (const e of entities) {
      const s = text.slice(e.start, e.end)
      if (e.type === 'DATE' && (!ANCHORED.test(s) || RELATIVE.test(s))) continue
      if (e.type === 'MONEY' && !/[$€£¥₹]|\b(?:dollars|euros|pounds)\b/.test(s)) continue
      found.push({ start: e.start, end: e.end, text: s, type: e.type === 'DATE' ? 'Date' : 'Money', score: 0.7, source: 'model' })
    }
    for (const { chunk, typed } of typedChunks(text, tokens)) {
      found.push({ start: chunk.start, end: chunk.end, text: chunk.text, type: typeKeyFor(typed.type, chunk.text), score: typed.score, source: 'heuristic' })
    }
  }
  return resolve(
    found.filter((s) => s.score >= MIN_SCORE),
    { ...opts, text }
  )
}

/** Below this a heuristic guess is not worth the analyst's attention (a one-off capitalised word with no clue). */
export const MIN_SCORE = 0.35

const LAYER_RANK = { dictionary: 0, rule: 1, model: 2, heuristic: 3 } as const

/** First layer wins a span; then rejected and already-tagged spans go. Sorted by start. */
function resolve(found: Suggestion[], opts: SuggestOptions & { text: string }): Suggestion[] {
  const order = found.map((s, i) => ({ s, i })).sort((a, b) => LAYER_RANK[a.s.source] - LAYER_RANK[b.s.source] || a.i - b.i)
  // One byte per code unit: marking and testing a span is linear, whatever the count.
  const used = new Uint8Array(opts.text.length + 1)
  const mark = (a: number, b: number) => used.fill(1, Math.max(0, a), Math.min(b, used.length))
  for (const t of opts.tagged ?? []) mark(t.start, t.end)
  const rejectedSpans = new Set((opts.rejected?.spans ?? []).map((r) => `${r.start}:${r.end}`))
  const rejectedNames = new Set((opts.rejected?.names ?? []).map((n) => n.normalize('NFC').toLowerCase().trim()))
  const out: Suggestion[] = []
  for (const { s } of order) {
    if (rejectedSpans.has(`${s.start}:${s.end}`) || rejectedNames.has(s.text.toLowerCase())) continue
    if (used.subarray(s.start, s.end).includes(1)) continue
    mark(s.start, s.end)
    out.push(s)
  }
  return out.sort((a, b) => a.start - b.start)
}
