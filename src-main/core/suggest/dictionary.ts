// The project's own names and aliases, found in a text: a small matcher of
// our own (no Aho-Corasick package: the one tried slows down quadratically
// on text with ’ — •). Entries are grouped by their first word; the text's
// words are walked once and only the entries starting with that word are
// tried, each with a precompiled sticky pattern. 1 MB against 20,000 names
// is a hash lookup per word plus a few pattern tests.
//
// Case: a single-word entry, or one containing a common lower-case word, is
// matched case-sensitively ("Prime" must not match "prime", nor "Scale AI"
// "scale ai"); other multi-word names ("Marcus Thorne") ignore case. White
// space runs match any white space; typographic apostrophes match straight
// ones. Matches are whole words; a leading "the" of an alias is not part of
// the span ("the Pentagon" suggests "Pentagon", as a tag would be).
import type { KnownEntity } from './types'

export interface DictionaryHit {
  start: number
  end: number
  entityId: number
  type: string
  name: string
}

interface Entry {
  /** Compiled the first time the entry's first word is met (most never are). */
  re: RegExp | null
  pattern: string
  flags: string
  entityId: number
  type: string
  name: string
  length: number
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const COMMON = new Set(
  `a an the of and or for to in on at by with from as is be not no new open one two all more most best first last up out over
  after before under about into off high low big small long short good great real free just only next prime general national
  united state public private global international world data digital group news daily app apps scale power deal systems`.split(/\s+/)
)

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The pattern of one name: white space runs and apostrophes folded. */
function patternOf(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’‘ʼ]/g, "['’‘ʼ]"))
    .join('\\s+')
}

/** A name or alias as the dictionary holds it, with its words; null when it cannot be matched. */
function entryOf(raw: string): { name: string; words: string[]; key: string } | null {
  const name = raw.normalize('NFC').trim().replace(/^the\s+/i, '').replace(/\s+/g, ' ')
  const words = name.match(WORD)
  if (!words || name.length < 2) return null
  const key = words[0]!.toLowerCase()
  // The name must start at the key word (names starting with punctuation are skipped).
  return name.toLowerCase().startsWith(key) ? { name, words, key } : null
}

/**
 * The entities that can match anywhere in `text`: those with a name or alias
 * whose first word is one of the text's words (find() looks entries up by
 * the text's words, so no other can). The dictionary of this subset finds
 * exactly what the whole list's does, so the suggestion cache is keyed by
 * it (repos/suggestions.ts): a new entity whose name is not in a document
 * leaves that document's cached suggestions valid.
 */
export function entitiesIn(text: string, entities: readonly KnownEntity[]): KnownEntity[] {
  if (!entities.length) return []
  const words = new Set<string>()
  // A copy of WORD: matchAll starts at the pattern's lastIndex, which find() moves.
  for (const m of text.matchAll(new RegExp(WORD))) words.add(m[0].toLowerCase())
  return entities.filter((e) => words.has(keyOf(e.name)) || (e.aliases ?? []).some((a) => words.has(keyOf(a))))
}

// The database worker asks at every read of a document's suggestions, with the
// project's whole list: a name's key is worked out once ('' when it has none).
const keys = new Map<string, string>()
function keyOf(raw: string): string {
  let k = keys.get(raw)
  if (k === undefined) {
    if (keys.size > 200_000) keys.clear()
    k = entryOf(raw)?.key ?? ''
    keys.set(raw, k)
  }
  return k
}

export class Dictionary {
  private byFirst = new Map<string, Entry[]>()

  constructor(entities: readonly KnownEntity[]) {
    for (const e of entities) {
      for (const raw of [e.name, ...(e.aliases ?? [])]) {
        const entry = entryOf(raw)
        if (!entry) continue
        const { name, words, key } = entry
        const caseSensitive = words.length === 1 || words.some((w) => COMMON.has(w.toLowerCase()))
        const list = this.byFirst.get(key) ?? []
        list.push({ re: null, pattern: patternOf(name), flags: caseSensitive ? 'uy' : 'iuy', entityId: e.id, type: e.type, name, length: name.length })
        this.byFirst.set(key, list)
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
  }

  get size(): number {
    return this.byFirst.size
  }

  /** Non-overlapping hits, leftmost and then longest first. */
  find(text: string): DictionaryHit[] {
    const out: DictionaryHit[] = []
    if (!this.byFirst.size) return out
    let lastEnd = 0
    WORD.lastIndex = 0
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const at = m.index
      if (at < lastEnd) continue
      const list = this.byFirst.get(m[0].toLowerCase())
      if (!list) continue
      for (const e of list) {
        e.re ??= new RegExp(e.pattern, e.flags)
        e.re.lastIndex = at
        const hit = e.re.exec(text)
        if (!hit) continue
        const end = at + hit[0].length
        // Whole words: a name ending in a letter must not run into another one.
        if (end < text.length && WORD_CHAR.test(text[end]!) && WORD_CHAR.test(text[end - 1]!)) continue
        out.push({ start: at, end, entityId: e.entityId, type: e.type, name: e.name })
        lastEnd = end
        break
      }
    }
    return out
  }
}
