// The suggestion engine's layers on small texts: money/date/percentage rules
// with the claim parser's values, the project dictionary (case rules, whole
// words, aliases), the proper-noun heuristics (sentence-initial words,
// titles, possessives, nationalities), non-English text, rejected and tagged
// spans, and UTF-16 offsets.
import { describe, expect, it } from 'vitest'
import { Dictionary } from '../../src-main/core/suggest/dictionary'
import { findRules } from '../../src-main/core/suggest/rules'
import { suggestEntities } from '../../src-main/core/suggest/suggest'
import type { Suggestion } from '../../src-main/core/suggest/types'

const spans = (s: Suggestion[]) => s.map((x) => `${x.text}|${x.type}`)
const at = (text: string, s: Suggestion[]) => {
  for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  return s
}

describe('rules: money, dates, percentages', () => {
  const rule = (text: string) => findRules(text).map((h) => ({ text: text.slice(h.start, h.end), kind: h.kind, value: h.value }))

  it('reads money exactly, qualifier outside the span', () => {
    const r = rule('valued as high as $29 billion, up from approximately $13.8 billion and a $500 Million deal; €1.2m; 500 million dollars.')
    expect(r.map((x) => x.text)).toEqual(['$29 billion', '$13.8 billion', '$500 Million', '€1.2m', '500 million dollars'])
    expect(r[0]!.value).toEqual({ object: { kind: 'money', amount: '29000000000', currency: 'USD' }, qualifier: 'up to' })
    expect(r[1]!.value).toEqual({ object: { kind: 'money', amount: '13800000000', currency: 'USD' }, qualifier: 'about' })
    expect(r[2]!.value!.object).toEqual({ kind: 'money', amount: '500000000', currency: 'USD' })
    expect(r[3]!.value!.object).toEqual({ kind: 'money', amount: '1200000', currency: 'EUR' })
    expect(r[4]!.value).toEqual({ object: { kind: 'money', amount: '500000000', currency: 'USD' }, qualifier: 'exact' })
    // no currency, no money
    expect(rule('spending billions to build 3 million units')).toEqual([])
  })

  it('finds calendar dates with values, not quantities or relative dates', () => {
    const r = rule('Signed in late 2025, on Wednesday, February 1, 2016 and in December 1910; the 1960s, the 20th century, the summer of 1898.')
    expect(r.map((x) => x.text)).toEqual(['late 2025', 'Wednesday', 'February 1, 2016', 'December 1910', '1960s', '20th century', 'summer of 1898'])
    expect(r[0]!.value!.object).toEqual({ kind: 'date', date: '2025' })
    expect(r[2]!.value!.object).toEqual({ kind: 'date', date: '2016-02-01' })
    expect(r[3]!.value!.object).toEqual({ kind: 'date', date: '1910-12' })
    expect(rule('more than 1,000 hours, 2000 people and 2,000 years; this year and last week; page 2019; $2016')).toEqual([
      expect.objectContaining({ text: '$2016', kind: 'MONEY' })
    ])
  })

  it('reads percentages as numbers with a % unit', () => {
    const r = rule('up 12.5% or 7 percent')
    expect(r.map((x) => [x.text, x.kind])).toEqual([
      ['12.5%', 'PERCENT'],
      ['7 percent', 'PERCENT']
    ])
    expect(r[0]!.value!.object).toEqual({ kind: 'number', value: '12.5', unit: '%' })
  })
})

describe('dictionary: the project’s names and aliases', () => {
  const dict = new Dictionary([
    { id: 1, name: 'Scale AI', type: 'Company', aliases: ['Scale'] },
    { id: 2, name: 'Pentagon', type: 'PublicBody', aliases: ['the Pentagon', 'DoD'] },
    { id: 3, name: 'Marcus Thorne', type: 'Person' },
    { id: 4, name: 'Prime', type: 'Technology' }
  ])
  const find = (text: string) => dict.find(text).map((h) => `${text.slice(h.start, h.end)}#${h.entityId}`)

  it('is case-sensitive for one-word and common-word names, not for other names', () => {
    expect(find('full-scale ai; a scale; the pentagon; prime time')).toEqual([])
    expect(find('Scale AI and Scale; The Pentagon; Prime Video')).toEqual(['Scale AI#1', 'Scale#1', 'Pentagon#2', 'Prime#4'])
    expect(find('MARCUS THORNE and marcus  thorne')).toEqual(['MARCUS THORNE#3', 'marcus  thorne#3'])
  })

  it('matches whole words only, across white space and apostrophes', () => {
    expect(find('DoDo DoD2 DoD’s DoD-funded Scale\u00a0AI’s')).toEqual(['DoD#2', 'DoD#2', 'Scale\u00a0AI#1'])
  })

  it('wins over the heuristics and carries the entity', () => {
    const text = 'Officials at the Pentagon met Marcus Thorne.'
    const s = at(text, suggestEntities(text, { entities: [{ id: 2, name: 'Pentagon', type: 'PublicBody' }, { id: 3, name: 'Marcus Thorne', type: 'Person' }] }))
    expect(s.map((x) => [x.text, x.type, x.source, x.entityId])).toEqual([
      ['Pentagon', 'PublicBody', 'dictionary', 2],
      ['Marcus Thorne', 'Person', 'dictionary', 3]
    ])
  })
})

describe('heuristics on English text', () => {
  it('leaves out ordinary sentence-initial words and keeps names there', () => {
    const text = 'Concerns arise over the deal. Whale whisperer Hori Parata was there; a whale beached. Scale AI said so, as did Scale AI staff.'
    const s = spans(at(text, suggestEntities(text)))
    expect(s).not.toContainEqual(expect.stringMatching(/^(Concerns|Whale)/))
    expect(s).toContain('Hori Parata|Person')
    expect(s.filter((x) => x.startsWith('Scale AI|'))).toHaveLength(2)
  })

  it('keeps titles, "the" and possessives out of the span, and nationalities out altogether', () => {
    const text = 'The U.S. President Trump met Sir William Ramsay at the Pentagon. Facebook’s servers, Facebook said, are French-made; the French engineer Georges Claude agreed.'
    const s = spans(at(text, suggestEntities(text)))
    expect(s).toEqual(expect.arrayContaining(['U.S.|Location', 'Trump|Person', 'William Ramsay|Person', 'Georges Claude|Person']))
    expect(s.some((x) => x.startsWith('Facebook|'))).toBe(true)
    expect(s.join()).not.toMatch(/President|Sir |the Pentagon|Facebook’s|French\|/)
  })

  it('gives a surname the type of the full name seen elsewhere in the document', () => {
    const text = 'Marcus Thorne, a senior analyst, disagreed. Later, Thorne noted the risk.'
    expect(spans(suggestEntities(text))).toEqual(['Marcus Thorne|Person', 'Thorne|Person'])
  })

  it('offsets are UTF-16 code units into the text given', () => {
    const text = '🚀🇺🇸 In 2025 the firm moved to San Francisco.'
    const s = at(text, suggestEntities(text))
    expect(s.map((x) => [x.text, x.start])).toEqual([
      ['2025', text.indexOf('2025')],
      ['San Francisco', text.indexOf('San Francisco')]
    ])
  })
})

describe('options', () => {
  const text = 'Marcus Thorne said the Pentagon paid $5 million on March 3, 2025, about 4% more.'

  it('non-English text gets only dictionary names, money and dates', () => {
    const s = suggestEntities(text, { lang: 'fr', entities: [{ id: 9, name: 'Pentagon', type: 'PublicBody' }] })
    expect(spans(s)).toEqual(['Pentagon|PublicBody', '$5 million|Money', 'March 3, 2025|Date'])
  })

  it('drops rejected spans and names, and anything overlapping a tag', () => {
    const all = suggestEntities(text)
    const thorne = all.find((x) => x.text === 'Marcus Thorne')!
    const s = suggestEntities(text, { rejected: { names: ['pentagon'], spans: [{ start: thorne.start, end: thorne.end }] }, tagged: [{ start: text.indexOf('$5'), end: text.indexOf('$5') + 2 }] })
    expect(spans(s)).toEqual(['March 3, 2025|Date', '4%|Percent'])
  })
})
