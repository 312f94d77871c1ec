// Typing proper-noun chunks by their words and their context, in order of
// how much each clue is worth in news text:
// 1. the chunk is a listed place, organisation or product (short gazetteers
//    of names every news reader knows: "Reuters", "Firefox"), or has a
//    place/organisation/event word at its end or start ("Stewart Island",
//    "Global Security Institute", "Paris Motor Show"); an acronym spelled
//    out just before it and words inside a quoted title are no names;
// 2. a title or role before it ("President Trump", "ranger Jamie Werner"),
//    kin ("his daughter Kaiarahi"), speech ("said X", "X says"), a first
//    name at its start → a person;
// 3. "X-based", "in/near X", "eastern X", "New Zealand’s X" → a place;
//    "according to X" → an organisation;
// 4. a product noun next to it ("online game Minecraft", "Minecraft protocol");
// 5. what is left: two or three name-like words read as a person, acronyms
//    and one-word names as organisations (a low score either way); a phrase
//    of words the document also writes in lower case is no name at all.
// Nationalities, peoples and everyday acronyms ("AI", "CPU") are no mention.
// Document-level consistency is applied afterwards (suggest.ts).
import type { Chunk } from './chunks'
import { EVENT_LAST, FIRST_NAMES, KNOWN_ORGS, KNOWN_PRODUCTS, LOC_FIRST, LOC_LAST, NATIONALITIES, NOT_NAMES, NOT_ROLE, ORG_FIRST, ORG_LAST, PRODUCT_LAST, ROLE_BEFORE, TITLES } from './lexicon'
import type { Token } from './model'
import { PLACES } from './places'
import type { CoarseType } from './types'

export interface Typed {
  type: CoarseType
  score: number
  /** Decided by a specific clue; the consistency pass spreads it to the name's other places. */
  strong: boolean
}

export interface ChunkContext {
  text: string
  tokens: readonly Token[]
  /** Words the document writes in lower case. */
  lower: ReadonlySet<string>
  /** Names seen as a people or tribe ("the Ngātiwai tribe"): no mention anywhere in the document. */
  groups: Set<string>
  /** How many chunks of the document read exactly so. */
  count: (name: string) => number
}

const SPEECH_AFTER = /^,?\s(?:said|says|told|wrote|writes|noted|notes|added|adds|argued|argues|explained|recalled|who)\b/
const PLACE_BEFORE = /\b(?:in|near|across|throughout|outside|inside|around)\s$/
const DIRECTION_BEFORE = /\b(?:northern|southern|eastern|western|central|north|south|east|west|downtown|rural|coastal)\s$/i
const KIN_BEFORE = /\b(?:son|daughter|wife|husband|father|mother|brother|sister|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|colleague|friend|partner)\s$/
const GROUP_AFTER = /^\s(?:tribe|tribes|people|peoples|iwi|clan|clans|community|communities)\b/
const COMPASS_FIRST = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower'])
const PRODUCT_AFTER = /^\s(?:game|app|apps|browser|browsers|model|models|software|platform|protocol|format|phone|phones|device|devices|engine|plugin|plug-in|extension|operating system|chip|chips|console|version|versions|items|servers?)\b/
const PRODUCT_BEFORE = /\b(?:game|app|browser|software|platform|protocol|format|device|console|chatbot|(?:format|protocol|language) known as)\s$/
const ORG_NOUN = String.raw`(?:group|company|firm|organi[sz]ation|charity|agency|startup|start-up|outlet|newspaper|publisher|developer|maker|manufacturer|retailer|bank|lender|insurer|broadcaster|nonprofit|non-profit|union|party|band|club|brand|giant)`
const ORG_BEFORE = new RegExp(String.raw`\b${ORG_NOUN}\s$`)
// After a name, "developer"/"maker" say what it made ("Minecraft developer Mojang"), not what it is.
const ORG_AFTER = new RegExp(String.raw`^\s(?!developer|maker|manufacturer|publisher)${ORG_NOUN}\b`)
const PLACE_OF = /\b(?:coast|city|town|village|region|province|state|island|capital|suburb|district|county|shores?|banks|outskirts|streets) of\s$/
const TITLE_CASE_WORD = /^\p{Lu}[\p{Ll}\p{M}’'-]+$/u

function words(c: Chunk, tokens: readonly Token[]): string[] {
  const out: string[] = []
  for (let i = c.from; i < c.to; i++) out.push(tokens[i]!.value)
  return out
}

/** An acronym spelled out in lower case just before it, in brackets: an abbreviation, not a name. */
function definedAcronym(name: string, before: string): boolean {
  if (!/^\p{Lu}{2,6}s?$/u.test(name)) return false
  const m = /((?:[\p{Ll}][\p{Ll}-]*\s+){1,6})["“”']?\s*\(\s*["“]?$/u.exec(before)
  if (!m) return false
  const letters = name.replace(/s$/, '').toLowerCase()
  const initials = m[1]!.trim().split(/\s+/).map((x) => x[0]).join('')
  return initials.endsWith(letters)
}

/**
 * The chunk sits inside a quoted title ("You Loved Me Like a Distant Star",
 * “The World of Tomorrow”): three or more words in the quotes, most of them
 * capitalised, and the chunk not all of them. Titles of works are no mention.
 */
function quotedTitle(text: string, c: Chunk): boolean {
  // Only the 80 characters before it are looked at: a search back through the whole text would make a long one quadratic.
  const from = Math.max(0, c.start - 80)
  const near = text.slice(from, c.start)
  const at = Math.max(near.lastIndexOf('“'), near.lastIndexOf('"'))
  if (at < 0 || /[\n”]/.test(near.slice(at + 1))) return false
  const open = from + at
  const close = text.slice(c.end, c.end + 80).search(/[”"\n]/)
  if (close < 0 || text[c.end + close] === '\n') return false
  const inside = text.slice(open + 1, c.end + close).replace(/[,.!?]+$/, '')
  const ws = inside.split(/\s+/).filter(Boolean)
  if (ws.length < 3 || inside.trim() === c.text) return false
  const caps = ws.filter((x) => /^\p{Lu}/u.test(x)).length
  return caps * 3 >= ws.length * 2
}

export function typeChunk(c: Chunk, ctx: ChunkContext): Typed | null {
  const { text, tokens, lower } = ctx
  const w = words(c, tokens)
  const first = w[0]!
  const last = w[w.length - 1]!
  if (NOT_NAMES.has(c.text) || NATIONALITIES.has(last) || w.every((x) => NATIONALITIES.has(x))) return null
  const before = text.slice(Math.max(0, c.start - 40), c.start)
  const after = text.slice(c.end, c.end + 30)
  if (GROUP_AFTER.test(after)) {
    ctx.groups.add(c.text)
    return null
  }
  const prevWord = c.from > 0 ? tokens[c.from - 1]!.value : ''
  const strong = (type: CoarseType, score: number): Typed => ({ type, score, strong: true })
  const weak = (type: CoarseType, score: number): Typed => ({ type, score, strong: false })
  if (PLACES.has(c.text)) return strong('LOC', 0.85)
  if (KNOWN_ORGS.has(c.text)) return strong('ORG', 0.8)
  if (KNOWN_PRODUCTS.has(c.text)) return strong('PRODUCT', 0.75)
  if (definedAcronym(c.text, before) || quotedTitle(text, c)) {
    // "personally identifiable information (PII)", “The World of Tomorrow”: no name, here or anywhere in the document.
    ctx.groups.add(c.text)
    return null
  }
  if (w.length > 1) {
    if (EVENT_LAST.has(last)) return strong('EVENT', 0.7)
    if (PRODUCT_LAST.has(last) && KNOWN_ORGS.has(first) === false && w.length <= 3 && !ORG_LAST.has(last)) return strong('PRODUCT', 0.6)
    if (ORG_LAST.has(last)) return strong('ORG', 0.8)
    if (w.some((x, k) => ORG_FIRST.has(x) && /^(?:of|on|for)$/.test(w[k + 1] ?? ''))) return strong('ORG', 0.75)
    if (LOC_LAST.has(last) || LOC_FIRST.has(first) || COMPASS_FIRST.has(first)) return strong('LOC', 0.75)
  }
  if (TITLES.has(prevWord)) return strong('PERSON', 0.8)
  if (/^-based\b/.test(after)) return strong('LOC', 0.75)
  if (FIRST_NAMES.has(first) && w.length >= 2 && w.length <= 4) return strong('PERSON', 0.8)
  if (w.length >= 2 && w.some((x) => /^(?:de|van|von|da|di|du|del|der)$/.test(x))) return strong('PERSON', 0.7)
  const role = ROLE_BEFORE.exec(before)
  if (w.length >= 2 && role && !NOT_ROLE.has(role[0].trim())) return strong('PERSON', 0.7)
  if (KIN_BEFORE.test(before)) return strong('PERSON', 0.7)
  if (ORG_BEFORE.test(before) || ORG_AFTER.test(after)) return strong('ORG', 0.65)
  if (PLACE_OF.test(before)) return strong('LOC', 0.6)
  if (PRODUCT_AFTER.test(after) || PRODUCT_BEFORE.test(before)) return strong('PRODUCT', 0.6)
  const placeOwner = /(\S+)['’]s\s$/.exec(before)
  if ((placeOwner && PLACES.has(placeOwner[1]!)) || DIRECTION_BEFORE.test(before)) return strong('LOC', 0.6)
  const acronym = /^\p{Lu}[\p{Lu}\p{N}&.]+$/u.test(c.text) && c.text.replace(/\./g, '').length <= 6
  if (acronym) return weak('ORG', 0.6)
  if (SPEECH_AFTER.test(after) || /\b(?:said|says|told)\s$/.test(before)) return weak('PERSON', w.length > 1 ? 0.7 : 0.55)
  if (/\baccording to\s(?:the\s)?$/i.test(before)) return weak('ORG', 0.55)
  if (PLACE_BEFORE.test(before) && w.length <= 2 && !/\p{Ll}\p{Lu}/u.test(c.text)) return weak('LOC', 0.45)
  if (w.length > 1) {
    // "Large Language Models", "Impact Levels": words the text also uses as ordinary words.
    const content = w.filter((x) => /^\p{Lu}/u.test(x))
    const ordinary = content.filter((x) => lower.has(x.toLowerCase())).length
    if (ordinary * 2 >= content.length) return null
    const proper = (k: number) => tokens[c.from + k]!.pos === 'PROPN'
    // Plural-looking last words ("Models", "Levels") are things, not surnames.
    const plural = /[^su]s$/.test(last) && !FIRST_NAMES.has(first)
    // With no clue, a phrase ending in a plural ("Large Language Models") is a thing, not a name.
    if (plural) return null
    // "Cambridge Analytica": a name that starts with a listed place is a firm or a venue, not a person.
    if (w.length === 2 && PLACES.has(first)) return weak('ORG', 0.5)
    if (w.length <= 3 && w.every((x, k) => TITLE_CASE_WORD.test(x) && proper(k))) return weak('PERSON', 0.5)
  }
  // A name with no clue at all: kept when the document repeats it or it is written like a brand (OpenAI).
  return weak('ORG', /\p{Ll}\p{Lu}/u.test(c.text) || ctx.count(c.text) > 1 ? 0.4 : 0.3)
}
