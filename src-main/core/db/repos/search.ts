// Full-text search over every document (title and canonical text), on the
// FTS4 index of migration 0003. Runs in the database worker.
//
//  - The user's text is never handed to MATCH as is: parseSearchQuery reads it
//    (words, "quoted phrases", OR, -exclusions, prefix*) and writes a MATCH
//    expression of quoted phrases only, so no input can make it malformed.
//  - Ranking is BM25 computed from matchinfo(..., 'pcnalx') by a JS function
//    registered on the connection (FTS4 has no bm25()); title hits weigh more.
//  - Hits are located with FTS4's offsets(), which gives UTF-8 byte offsets
//    into the indexed column; they are converted to UTF-16 offsets into
//    documents.text (what the reader and every anchor use).
import type { SearchHit } from '../../../contract/types'
import { all, type Database } from '../sqlite'

export const DEFAULT_SEARCH_LIMIT = 50
export const MAX_SEARCH_LIMIT = 200
/** Longer input is cut here (the API already refuses more than 500 chars). */
const MAX_QUERY_CHARS = 1000
/** At most this many phrases reach MATCH; the rest of a very long query is ignored. */
export const MAX_PHRASES = 32
/** `x*` with a shorter stem would expand to a large share of the vocabulary: it is searched as a word. */
const MIN_PREFIX_CHARS = 2

/** Index columns, in the order of the FTS table (0003_search.sql). */
const COLUMN_TITLE = 0
const COLUMN_TEXT = 1
/** BM25 weight of a hit per column: a word in the title counts four times a word in the text. */
const COLUMN_WEIGHTS = [4, 1]
const BM25_K1 = 1.2
const BM25_B = 0.75

/** Snippet: about this many characters, starting up to CONTEXT_BEFORE before the first hit. */
const SNIPPET_CHARS = 200
const CONTEXT_BEFORE = 60
const ELLIPSIS = '…'

const RANK_FUNCTION = 'rwb_search_rank'

// ---------------------------------------------------------------- query text

/**
 * Splits text into index words the way the unicode61 tokenizer does: runs of
 * letters, digits and combining marks; everything else (spaces, punctuation,
 * symbols, emoji, the query syntax characters " * : ( ) -) separates words.
 */
export function queryWords(text: string): string[] {
  return text.normalize('NFC').split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

interface Term {
  words: string[]
  prefix: boolean
  negated: boolean
}

type Item = Term | 'OR'

function term(raw: string, negated: boolean): Term | null {
  const words = queryWords(raw)
  if (words.length === 0) return null
  const last = words[words.length - 1]!
  const prefix = /\*\s*$/.test(raw) && [...last].length >= MIN_PREFIX_CHARS
  return { words, prefix, negated }
}

/** Reads the user's query into terms and OR markers; never fails. */
function readItems(input: string): Item[] {
  const src = input.slice(0, MAX_QUERY_CHARS)
  const items: Item[] = []
  let i = 0
  while (i < src.length) {
    if (/\s/.test(src[i]!)) {
      i++
      continue
    }
    let j = i
    let negated = false
    while (src[j] === '-' || src[j] === '+') {
      if (src[j] === '-') negated = true
      j++
    }
    if (src[j] === '"') {
      // A quoted phrase; an unbalanced quote runs to the end of the input.
      const close = src.indexOf('"', j + 1)
      const body = close === -1 ? src.slice(j + 1) : src.slice(j + 1, close)
      i = close === -1 ? src.length : close + 1
      // `"defen"*` is read like `"defen*"`.
      const starAfter = src[i] === '*'
      if (starAfter) i++
      const t = term(starAfter ? `${body}*` : body, negated)
      if (t) items.push(t)
      continue
    }
    let k = j
    while (k < src.length && !/\s/.test(src[k]!) && src[k] !== '"') k++
    const word = src.slice(j, k)
    i = k
    if (!negated && word === 'OR') items.push('OR')
    else if (!negated && word === 'AND') continue // AND is what spaces mean already
    else {
      const t = term(word, negated)
      if (t) items.push(t)
    }
  }
  return items
}

function phrase(t: Term): string {
  // Words hold only letters, digits and marks: nothing in them can end the
  // quotes or be read as syntax.
  return `"${t.words.join(' ')}${t.prefix ? '*' : ''}"`
}

/**
 * The FTS4 MATCH expression for what the user typed, or null when nothing in
 * it can be searched (only punctuation, only exclusions ...).
 *
 * Words and "quoted phrases" must all match (AND); `a OR b` matches either;
 * `-word` / `-"a phrase"` excludes; `defen*` matches words starting with
 * "defen". A word with inner punctuation is a phrase (`Scale-AI` is
 * "scale ai"), as the index tokenised it. Everything else (NEAR, column
 * filters, parentheses, unbalanced quotes, a lone `*` or `-`) is read as
 * plain words or ignored.
 */
export function parseSearchQuery(input: string): string | null {
  const groups: string[][] = []
  const excluded: string[] = []
  let pendingOr = false
  let count = 0
  for (const item of readItems(input)) {
    if (item === 'OR') {
      pendingOr = groups.length > 0
      continue
    }
    if (count >= MAX_PHRASES) break
    count++
    if (item.negated) excluded.push(phrase(item))
    else if (pendingOr) groups[groups.length - 1]!.push(phrase(item))
    else groups.push([phrase(item)])
    pendingOr = false
  }
  if (groups.length === 0) return null
  const positive = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' ')
  return excluded.length ? `(${positive}) NOT ${excluded.join(' NOT ')}` : positive
}

// ------------------------------------------------------------------- ranking

/**
 * BM25 over FTS4's matchinfo 'pcnalx' (32-bit little-endian words):
 * p phrases, c columns, n rows, a[c] average tokens per column, l[c] tokens
 * of this row per column, then per phrase and column x = (hits in this row,
 * hits in all rows, rows with a hit). idf is the non-negative BM25+ variant.
 */
export function bm25(matchinfo: Uint8Array, weights: readonly number[] = COLUMN_WEIGHTS): number {
  // Called once per matching row (10,000 times for "the" in a large
  // project): the words are read from the bytes directly, without a
  // DataView allocated per call.
  const u = (i: number) => word(matchinfo, i)
  const p = u(0)
  const c = u(1)
  const n = u(2)
  let score = 0
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < c; j++) {
      const x = 3 + 2 * c + 3 * (i * c + j)
      const tf = u(x)
      if (tf === 0) continue
      const df = u(x + 2)
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const avg = u(3 + j) || 1
      const len = u(3 + c + j)
      score += (weights[j] ?? 1) * idf * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avg)))
    }
  }
  return score
}

/** The i-th little-endian 32-bit word of `m`. */
function word(m: Uint8Array, i: number): number {
  const k = 4 * i
  return (m[k]! | (m[k + 1]! << 8) | (m[k + 2]! << 16) | (m[k + 3]! << 24)) >>> 0
}

// sql.js keeps JS functions across export() (it uses the backup API), so one
// registration per connection is enough.
const registered = new WeakSet<Database>()

function registerRanking(db: Database): void {
  if (registered.has(db)) return
  db.create_function(RANK_FUNCTION, (info: unknown) => (info instanceof Uint8Array ? bm25(info) : 0))
  registered.add(db)
}

// ------------------------------------------------------------------- offsets

/** UTF-16 offsets of the given UTF-8 byte offsets into `text` (ascending or not). */
export function utf8ToUtf16Offsets(text: string, byteOffsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(byteOffsets)].sort((a, b) => a - b)
  const out = new Map<number, number>()
  let bytes = 0
  let unit = 0
  let k = 0
  while (k < wanted.length) {
    // An offset inside a character (never from FTS) maps to the next character.
    while (k < wanted.length && wanted[k]! <= bytes) out.set(wanted[k++]!, unit)
    if (unit >= text.length) break
    const c = text.charCodeAt(unit)
    if (c < 0x80) {
      bytes += 1
      unit += 1
    } else if (c < 0x800) {
      bytes += 2
      unit += 1
    } else if (c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      unit += 2
    } else {
      bytes += 3 // the rest of the BMP, and a lone surrogate
      unit += 1
    }
  }
  while (k < wanted.length) out.set(wanted[k++]!, text.length)
  return out
}

type Range = [number, number]

/** The hits of one column as sorted UTF-16 ranges, with the words of a phrase ("Scale AI") joined into one. */
function columnRanges(text: string, hits: { byte: number; size: number }[]): Range[] {
  if (hits.length === 0) return []
  const map = utf8ToUtf16Offsets(text, hits.flatMap((h) => [h.byte, h.byte + h.size]))
  const ranges = hits.map((h): Range => [map.get(h.byte)!, map.get(h.byte + h.size)!]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Range[] = []
  for (const r of ranges) {
    const prev = merged[merged.length - 1]
    if (prev && r[0] - prev[1] <= 3 && /^[^\p{L}\p{N}\n]*$/u.test(text.slice(prev[1], Math.max(prev[1], r[0])))) {
      prev[1] = Math.max(prev[1], r[1])
    } else merged.push([r[0], r[1]])
  }
  return merged
}

/**
 * The hits that can fall in the snippet: the first one and those up to a
 * snippet's length after it (a UTF-16 unit is at most 3 UTF-8 bytes). A
 * common word has hundreds of hits per document; only these are converted.
 */
function nearFirst(hits: { byte: number; size: number }[]): { byte: number; size: number }[] {
  if (hits.length === 0) return hits
  let first = hits[0]!.byte
  for (const h of hits) if (h.byte < first) first = h.byte
  const limit = first + 3 * SNIPPET_CHARS
  return hits.filter((h) => h.byte <= limit)
}

function parseOffsets(offsets: string): { col: number; byte: number; size: number }[] {
  const nums = offsets.trim().split(/\s+/).map(Number)
  const out: { col: number; byte: number; size: number }[] = []
  for (let i = 0; i + 3 < nums.length; i += 4) out.push({ col: nums[i]!, byte: nums[i + 2]!, size: nums[i + 3]! })
  return out
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

/**
 * The passage around the first hit, as plain text with the hits inside it as
 * [start, end) ranges into that text. Stays within the hit's paragraph,
 * starts and ends at word boundaries, and marks a cut inside a paragraph
 * with an ellipsis. Newlines and tabs become spaces (same length).
 */
export function makeSnippet(text: string, ranges: Range[]): { text: string; highlights: Range[] } {
  const [hitStart, hitEnd] = ranges[0] ?? [0, 0]
  const paraStart = text.lastIndexOf('\n', hitStart - 1) + 1
  let paraEnd = text.indexOf('\n', hitEnd)
  if (paraEnd === -1) paraEnd = text.length

  let start = Math.max(paraStart, hitStart - CONTEXT_BEFORE)
  if (start > paraStart) {
    const gap = text.slice(start, hitStart).search(/\s/)
    if (gap !== -1) start += gap + 1
  }
  let end = Math.min(paraEnd, Math.max(hitEnd, start + SNIPPET_CHARS))
  if (end < paraEnd) {
    const tail = text.slice(hitEnd, end)
    const lastSpace = tail.search(/\s\S*$/)
    if (lastSpace > 0) end = hitEnd + lastSpace
  }
  while (start < hitStart && /\s/.test(text[start]!)) start++
  while (end > hitEnd && /\s/.test(text[end - 1]!)) end--
  // Never split a surrogate pair (CJK or emoji text without spaces).
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) start--
  if (end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end++

  const lead = /\S/.test(text.slice(paraStart, start)) ? ELLIPSIS : ''
  const rest = /\s*/y
  rest.lastIndex = end
  rest.test(text)
  const trail = rest.lastIndex < paraEnd ? ELLIPSIS : ''
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ')
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Range => [s - start + lead.length, e - start + lead.length])
  return { text: `${lead}${body}${trail}`, highlights }
}

// -------------------------------------------------------------------- search

function isMatchError(e: unknown): boolean {
  return e instanceof Error && /MATCH|fts|expression tree/i.test(e.message)
}

/**
 * The documents matching `query`, best first, each with its first hit in the
 * text (UTF-16 offsets) and a snippet. A title-only match has start = end = 0
 * and a snippet from the start of the text. Never throws on what a user may
 * type: an unusable query gives [].
 */
export function searchDocuments(db: Database, args: { query: string; limit?: number }): SearchHit[] {
  const match = parseSearchQuery(args.query)
  if (!match) return []
  const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(args.limit ?? DEFAULT_SEARCH_LIMIT)))
  registerRanking(db)

  let ranked: { id: number; score: number }[]
  let located: { id: number; offsets: string }[]
  try {
    ranked = all(
      db,
      `SELECT docid AS id, ${RANK_FUNCTION}(matchinfo(documents_fts, 'pcnalx')) AS score
       FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score DESC, docid LIMIT ?`,
      [match, limit]
    )
    if (ranked.length === 0) return []
    // offsets() re-reads and re-tokenises a document: only for the hits shown.
    const ids = ranked.map((r) => r.id)
    located = all(
      db,
      `SELECT docid AS id, offsets(documents_fts) AS offsets FROM documents_fts
       WHERE documents_fts MATCH ? AND docid IN (${ids.map(() => '?').join(', ')})`,
      [match, ...ids]
    )
  } catch (e) {
    if (isMatchError(e)) return []
    throw e
  }

  const ids = ranked.map((r) => r.id)
  const docs = new Map(
    all<{ id: number; title: string; siteName: string | null; text: string }>(
      db,
      `SELECT id, title, site_name AS siteName, text FROM documents WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids
    ).map((d) => [d.id, d])
  )
  const offsetsById = new Map(located.map((l) => [l.id, parseOffsets(l.offsets)]))

  const hits: SearchHit[] = []
  for (const { id, score } of ranked) {
    const doc = docs.get(id)
    if (!doc) continue
    const offs = offsetsById.get(id) ?? []
    const inText = columnRanges(doc.text, nearFirst(offs.filter((o) => o.col === COLUMN_TEXT)))
    const inTitle = columnRanges(doc.title, offs.filter((o) => o.col === COLUMN_TITLE))
    const first = inText[0] ?? [0, 0]
    hits.push({
      documentId: id,
      title: doc.title,
      siteName: doc.siteName,
      snippet: makeSnippet(doc.text, inText),
      start: first[0],
      end: first[1],
      score,
      titleHighlights: inTitle
    })
  }
  return hits
}
