// Entity suggestions for one text: the layers run in order of trust and the
// first to claim a span keeps it (no two suggestions overlap):
// 1. dictionary: the project's own names and aliases (dictionary.ts);
// 2. rule: money, dates, percentages with their values (rules.ts);
// 3. model: wink-nlp's money/date entities the rules missed (model.ts);
// 4. heuristic: proper-noun chunks typed by words and context (chunks.ts,
//    heuristics.ts), made consistent across the document (a surname seen
//    in a full name is that person everywhere; a name typed by a strong clue
//    keeps that type in its other places).
// Non-English text gets layers 1 and 2 only (names, money, dates): the
// model and the heuristics are English. Pure and synchronous; the worker
// (suggestWorker.ts) runs it off the main thread.
import { findChunks, type Chunk } from './chunks'
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

function headingChunks(text: string, tokens: Token[]): { chunk: Chunk; typed: Typed }[] {
  const typed: { chunk: Chunk; typed: Typed }[] = []
  for (const c of findChunks(text, tokens)) {
    const t = typeChunk(c, tokens, text)
    if (t) typed.push({ chunk: c, typed: t })
  }
  // Consistency across the document.
  const surnames = new Set<string>()
  const strongType = new Map<string, Typed>()
  for (const { chunk, typed: t } of typed) {
    if (t.type === 'PERSON' && chunk.to - chunk.from >= 2) {
      surnames.add(tokens[chunk.to - 1]!.value)
      surnames.add(chunk.text)
    }
    if (t.strong && !strongType.has(chunk.text)) strongType.set(chunk.text, t)
  }
  for (const x of typed) {
    if (x.typed.strong) continue
    const known = strongType.get(x.chunk.text)
    if (known) x.typed = { ...known, score: Math.min(known.score, 0.75) }
    else if (surnames.has(x.chunk.text)) x.typed = { type: 'PERSON', score: 0.7, strong: true }
  }
  return typed
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
    const { tokens, entities } = analyse(text)
    for (const e of entities) {
      const s = text.slice(e.start, e.end)
      if (e.type === 'DATE' && (!ANCHORED.test(s) || RELATIVE.test(s))) continue
      if (e.type === 'MONEY' && !/[$€£¥₹]|\b(?:dollars|euros|pounds)\b/.test(s)) continue
      found.push({ start: e.start, end: e.end, text: s, type: e.type === 'DATE' ? 'Date' : 'Money', score: 0.7, source: 'model' })
    }
    for (const { chunk, typed } of headingChunks(text, tokens)) {
      found.push({ start: chunk.start, end: chunk.end, text: chunk.text, type: typeKeyFor(typed.type, chunk.text), score: typed.score, source: 'heuristic' })
    }
  }
  return resolve(found, { ...opts, text })
}

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
