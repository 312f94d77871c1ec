// Name matching for "Tag all mentions": whole words, case-insensitive,
// Unicode-aware. Pure functions; offsets are UTF-16 code units into the
// canonical (NFC) text, like every offset in the project.
//
// - Case: each code point is lower-cased on its own (locale-independent) and
//   final sigma is folded to σ, so "ΑΘΗΝΑΣ" finds "Αθηνας" and "Αθηνασ".
//   Lower-casing can make a character longer ("İ" → "i̇"); a map from folded
//   positions back to the text keeps the offsets exact.
// - Canonical equivalence: names are NFC-normalised before matching (the text
//   already is), so "Zu\u0308rich" typed with a combining mark finds "Zürich".
// - Whitespace: any run of white space (including no-break spaces and line
//   breaks) matches a space of the name, so "U.S. Department" finds
//   "U.S.\u00a0Department" and "U.S.\n  Department".
//   Typographic apostrophes match straight ones.
// - Whole words: the character before a match and the one after it must not
//   be a letter, digit or combining mark (\p{L}\p{N}\p{M}, never `\b`, which
//   is ASCII-only). So "DoD" does not match inside "DoDo" or "DoD2", but does
//   in "DoD-funded" and "DoD’s". For scripts written without spaces between
//   words (Han, Kana, Hangul, Thai, Lao, Khmer, Myanmar) there are no such
//   boundaries, so a name that begins (ends) with such a character needs no
//   boundary on that side: "国防部" is found in "美国国防部表示".

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const SPACE = /\s/u

/** Same-length substitutions applied to both sides: typographic apostrophes. */
function foldPunct(ch: string): string {
  return ch === '\u2019' || ch === '\u2018' || ch === '\u02bc' ? "'" : ch
}

function foldChar(ch: string): string {
  const lower = ch.toLowerCase()
  return lower === 'ς' ? 'σ' : foldPunct(lower)
}

/** The key two names are the same under: NFC, case-folded, white space collapsed, trimmed. */
export function foldKey(name: string): string {
  let out = ''
  let pendingSpace = false
  for (const ch of name.normalize('NFC')) {
    if (SPACE.test(ch)) {
      pendingSpace = out.length > 0
      continue
    }
    if (pendingSpace) out += ' '
    pendingSpace = false
    out += foldChar(ch)
  }
  return out
}

/** A folded copy of a text with, for each folded code unit, the original [start, end) it came from. */
export interface FoldedText {
  readonly source: string
  readonly folded: string
  /** null when the folded text has the same offsets as the source. */
  readonly starts: Int32Array | null
  readonly ends: Int32Array | null
}

// JavaScript's \s without the plain space (left as it is), final sigma, typographic apostrophes.
const FOLD_SAME_LENGTH = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u03c2\u2018\u2019\u02bc]/g

function foldSameLength(ch: string): string {
  return ch === '\u03c2' ? '\u03c3' : ch === '\u2018' || ch === '\u2019' || ch === '\u02bc' ? "'" : ' '
}

/**
 * The text lower-cased, final sigma and apostrophes folded, every white-space
 * character made a plain space (one for one: runs are matched by the search
 * pattern, so offsets need no map in the common case).
 */
export function foldText(text: string): FoldedText {
  // Fast path: lower-casing the whole text kept every offset (almost always:
  // only a few letters such as "İ" lower-case to more code units).
  const lower = text.toLowerCase()
  if (lower.length === text.length) {
    return { source: text, folded: lower.replace(FOLD_SAME_LENGTH, foldSameLength), starts: null, ends: null }
  }
  const units: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  while (i < text.length) {
    const cp = text.codePointAt(i)!
    const len = cp > 0xffff ? 2 : 1
    const ch = text.slice(i, i + len)
    const f = SPACE.test(ch) ? ' ' : foldChar(ch)
    for (let k = 0; k < f.length; k++) {
      starts.push(i)
      ends.push(i + len)
    }
    units.push(f)
    i += len
  }
  return { source: text, folded: units.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
}

/** The code point that ends just before `offset` ('' at the start). */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return ''
  const low = text.charCodeAt(offset - 1)
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset)
  }
  return text[offset - 1]!
}

/** The code point that starts at `offset` ('' at the end). */
function charAt(text: string, offset: number): string {
  if (offset >= text.length) return ''
  return String.fromCodePoint(text.codePointAt(offset)!)
}

export function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR.test(ch)
}

function needsBoundary(ch: string): boolean {
  return isWordChar(ch) && !NO_SPACE_SCRIPT.test(ch)
}

export interface NameMatch {
  start: number
  end: number
  /** The name (or alias) that matched, as given. */
  name: string
}

/**
 * Every whole-word, case-insensitive occurrence of `name` in the text, as
 * offsets into the original text. Occurrences do not overlap.
 */
export function findName(text: FoldedText, name: string): NameMatch[] {
  const needle = foldKey(name)
  if (!needle) return []
  const chars = [...needle]
  const boundaryBefore = needsBoundary(chars[0]!)
  const boundaryAfter = needsBoundary(chars[chars.length - 1]!)
  // Any run of white space in the text matches one space of the name.
  const pattern = new RegExp(
    needle
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join(' +'),
    'g'
  )
  const src = text.source
  const out: NameMatch[] = []
  for (let m = pattern.exec(text.folded); m; m = pattern.exec(text.folded)) {
    const j = m.index
    const jEnd = j + m[0].length
    // A match must start and end on whole source characters (a folded
    // character may be longer than the one it came from).
    const start = text.starts ? text.starts[j]! : j
    const end = text.ends ? text.ends[jEnd - 1]! : jEnd
    const startsClean = !text.starts || j === 0 || text.starts[j - 1] !== start
    const endsClean = !text.starts || jEnd >= text.folded.length || text.starts[jEnd] !== text.starts[jEnd - 1]
    const ok =
      startsClean &&
      endsClean &&
      (!boundaryBefore || !isWordChar(charBefore(src, start))) &&
      (!boundaryAfter || !isWordChar(charAt(src, end)))
    if (ok) out.push({ start, end, name })
    else pattern.lastIndex = j + 1
  }
  return out
}

/**
 * Occurrences of any of the names; where matches overlap (an alias inside a
 * longer name: "Department of Defense" in "U.S. Department of Defense") the
 * earliest, then longest, wins.
 */
export function findNames(text: FoldedText, names: readonly string[]): NameMatch[] {
  const seen = new Set<string>()
  const all: NameMatch[] = []
  for (const n of names) {
    const key = foldKey(n)
    if (!key || seen.has(key)) continue
    seen.add(key)
    all.push(...findName(text, n))
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: NameMatch[] = []
  let lastEnd = -1
  for (const m of all) {
    if (m.start < lastEnd) continue
    out.push(m)
    lastEnd = m.end
  }
  return out
}
