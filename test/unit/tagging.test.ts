// Pure tagging logic: whole-word, case-insensitive, Unicode-aware name
// matching; exact decimal values; predicate keys; claim grouping and
// conflict detection.
import { describe, expect, it } from 'vitest'
import type { ClaimObject } from '../../src-main/contract/types'
import { groupClaims, type GroupableClaim } from '../../src-main/core/tagging/groups'
import { findName, findNames, foldKey, foldText } from '../../src-main/core/tagging/text'
import { canonicalDecimal, objectKey, objectLabel, parseValue, predicateKey, shiftDecimal } from '../../src-main/core/tagging/values'

const find = (text: string, name: string) => findName(foldText(text), name).map((m) => text.slice(m.start, m.end))
const spans = (text: string, name: string) => findName(foldText(text), name).map((m) => [m.start, m.end])

describe('findName: whole words', () => {
  it('never matches inside a longer word ("DoD" in "DoDo", "DoD2", "XDoD")', () => {
    expect(find('The DoDo bird, DoD2 and XDoD are not it.', 'DoD')).toEqual([])
    expect(find('DoD said. The DoD-funded lab; DoD’s budget (DoD).', 'DoD')).toEqual(['DoD', 'DoD', 'DoD', 'DoD'])
  })

  it('is case-insensitive', () => {
    expect(find('dod, DOD and DoD', 'DoD')).toEqual(['dod', 'DOD', 'DoD'])
    expect(find('SCALE AI and scale ai', 'Scale AI')).toEqual(['SCALE AI', 'scale ai'])
  })

  it('uses Unicode letters as word characters, not \\b', () => {
    // \b would see a boundary between "é" and "t": "Pétain" must not match "P".
    expect(find('Pétain and Müller', 'P')).toEqual([])
    expect(find('Zürichsee is a lake; Zürich is a city', 'Zürich')).toEqual(['Zürich'])
    // digits of other scripts are word characters too
    expect(find('DoD٣ DoD', 'DoD')).toEqual(['DoD'])
  })

  it('matches the combining and precomposed forms of "Zürich" alike (NFC)', () => {
    const precomposed = 'Z\u00fcrich'
    const combining = 'Zu\u0308rich'
    expect(precomposed).not.toBe(combining)
    const text = `Banks in ${precomposed} and ZÜRICH.`.normalize('NFC')
    expect(find(text, combining)).toEqual([precomposed, 'ZÜRICH'])
    expect(find(text, precomposed)).toEqual([precomposed, 'ZÜRICH'])
    expect(foldKey(combining)).toBe(foldKey('ZÜRICH'))
    // a combining mark after the match continues the word
    expect(find('Zurich\u0301 x', 'Zurich')).toEqual([])
  })

  it('keeps exact UTF-16 offsets around emoji, CJK and RTL text', () => {
    const text = '🚀🇺🇸 Scale AI 🚀 美国国防部 awarded وزارة الدفاع 𠀀Scale AI'
    const s = spans(text, 'scale ai')
    // the second "Scale AI" follows a Han (Ext. B, surrogate pair) letter: no word boundary for a Latin name
    expect(s).toHaveLength(1)
    expect(text.slice(s[0]![0], s[0]![1])).toBe('Scale AI')
    expect(s[0]![0]).toBe('🚀🇺🇸 '.length)
    // Arabic (RTL) names match as whole words
    expect(find(text, 'وزارة الدفاع')).toEqual(['وزارة الدفاع'])
    expect(find('بوزارة الدفاع', 'وزارة الدفاع')).toEqual([])
    // Han has no spaces between words: a Han name is found inside a Han sentence
    expect(find(text, '国防部')).toEqual(['国防部'])
    const at = text.indexOf('国防部')
    expect(spans(text, '国防部')).toEqual([[at, at + 3]])
  })

  it('maps offsets back exactly when folding changes lengths (İ, ẞ) and white space differs', () => {
    const text = 'x İSTANBUL  Büro and U.S.\u00a0Department\nof Defense'
    const m = findName(foldText(text), 'istanbul')
    // "İ" lower-cases to "i̇" (two code units), so "istanbul" is not "i̇stanbul": no match, and no crash
    expect(m).toEqual([])
    const m2 = findName(foldText(text), 'i\u0307stanbul')
    expect(m2.map((x) => text.slice(x.start, x.end))).toEqual(['İSTANBUL'])
    const m3 = findName(foldText(text), 'U.S. Department of Defense')
    expect(m3.map((x) => text.slice(x.start, x.end))).toEqual(['U.S.\u00a0Department\nof Defense'])
    const m4 = findName(foldText(text), 'büro')
    expect(m4.map((x) => [x.start, x.end])).toEqual([[text.indexOf('Büro'), text.indexOf('Büro') + 4]])
  })

  it('folds final sigma and typographic apostrophes', () => {
    expect(find('ΑΘΗΝΑΣ and Αθηνας', 'αθηνασ')).toEqual(['ΑΘΗΝΑΣ', 'Αθηνας'])
    expect(find("O’Brien and O'Brien", "O'Brien")).toEqual(['O’Brien', "O'Brien"])
  })

  it('findNames prefers the longest of overlapping names and de-duplicates names', () => {
    const text = 'The U.S. Department of Defense and the Department of Defense; DoD.'
    const m = findNames(foldText(text), ['Department of Defense', 'U.S. Department of Defense', 'DoD', 'dod'])
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['U.S. Department of Defense', 'Department of Defense', 'DoD'])
    expect(m[0]!.name).toBe('U.S. Department of Defense')
  })
})

describe('values', () => {
  it('canonical decimals are exact strings', () => {
    expect(canonicalDecimal('029.50')).toBe('29.5')
    expect(canonicalDecimal('-0.0')).toBe('0')
    expect(canonicalDecimal('1e9')).toBeNull()
    expect(canonicalDecimal('12345678901234567890123')).toBe('12345678901234567890123')
    expect(shiftDecimal('13.8', 9)).toBe('13800000000')
    expect(shiftDecimal('29', 9)).toBe('29000000000')
    expect(shiftDecimal('0.1', 1)).toBe('1')
    expect(shiftDecimal('1.25', -3)).toBe('0.00125')
    // beyond float precision: 2^53 + 1 survives
    expect(shiftDecimal('9007199254740.993', 3)).toBe('9007199254740993')
  })

  it('parses money, dates and numbers as written', () => {
    expect(parseValue('$29 billion')).toEqual({ kind: 'money', amount: '29000000000', currency: 'USD' })
    expect(parseValue('$13.8 billion')).toEqual({ kind: 'money', amount: '13800000000', currency: 'USD' })
    expect(parseValue('$500M')).toEqual({ kind: 'money', amount: '500000000', currency: 'USD' })
    expect(parseValue('€1.2m')).toEqual({ kind: 'money', amount: '1200000', currency: 'EUR' })
    expect(parseValue('500 million dollars')).toEqual({ kind: 'money', amount: '500000000', currency: 'USD' })
    expect(parseValue('USD 1,234.5')).toEqual({ kind: 'money', amount: '1234.5', currency: 'USD' })
    expect(parseValue('2025-03-01')).toEqual({ kind: 'date', date: '2025-03-01' })
    expect(parseValue('March 2025')).toEqual({ kind: 'date', date: '2025-03' })
    expect(parseValue('1 March 2025')).toEqual({ kind: 'date', date: '2025-03-01' })
    expect(parseValue('March 1, 2025')).toEqual({ kind: 'date', date: '2025-03-01' })
    expect(parseValue('2025')).toEqual({ kind: 'date', date: '2025' })
    expect(parseValue('2025-02-30')).toBeNull()
    expect(parseValue('42')).toEqual({ kind: 'number', value: '42', unit: '' })
    expect(parseValue('five-fold')).toBeNull()
    expect(parseValue('')).toBeNull()
  })

  it('keys and labels', () => {
    expect(predicateKey('  Awarded  contract to, ')).toBe('awarded contract to')
    expect(predicateKey('Valuación')).toBe('valuacion')
    const a: ClaimObject = { kind: 'money', amount: '500000000', currency: 'usd' }
    const b: ClaimObject = { kind: 'money', amount: '500000000.00', currency: 'USD' }
    expect(objectKey(a)).toBe(objectKey(b))
    expect(objectKey({ kind: 'money', amount: '480000000', currency: 'USD' })).not.toBe(objectKey(b))
    expect(objectLabel({ kind: 'money', amount: '29000000000', currency: 'USD' })).toBe('29,000,000,000 USD')
  })
})

describe('groupClaims', () => {
  const money = (amount: string): ClaimObject => ({ kind: 'money', amount, currency: 'USD' })
  const c = (id: number, subjectId: number, predicate: string, object: ClaimObject, documentId: number, status: GroupableClaim['status'] = 'unverified'): GroupableClaim => ({
    id,
    subjectId,
    subjectName: `E${subjectId}`,
    predicate,
    object,
    objectLabel: objectLabel(object, `E${(object as { entityId?: number }).entityId}`),
    status,
    documentId
  })

  it('groups the same subject + normalised predicate across documents and flags differing values', () => {
    const groups = groupClaims([
      c(1, 1, 'contract value', money('500000000'), 10),
      c(2, 1, 'Contract  value', money('500000000'), 11),
      c(3, 1, 'contract value', money('480000000'), 12),
      c(4, 1, 'awarded contract to', { kind: 'entity', entityId: 2 }, 10),
      c(5, 1, 'awarded contract to', { kind: 'entity', entityId: 3 }, 11),
      c(6, 2, 'contract value', money('1'), 10)
    ])
    const value = groups.find((g) => g.subjectId === 1 && g.predicateKey === 'contract value')!
    expect(value.conflict).toBe(true)
    expect(value.claimIds).toEqual([1, 2, 3])
    expect(value.documentIds).toEqual([10, 11, 12])
    expect(value.predicate).toBe('contract value')
    expect(value.values.map((v) => [v.objectLabel, v.claimIds])).toEqual([
      ['500,000,000 USD', [1, 2]],
      ['480,000,000 USD', [3]]
    ])
    // different entity objects are several relationships, not a conflict
    const awarded = groups.find((g) => g.predicateKey === 'awarded contract to')!
    expect(awarded.conflict).toBe(false)
    expect(awarded.values).toHaveLength(2)
    // another subject is another group
    expect(groups.find((g) => g.subjectId === 2)!.conflict).toBe(false)
    // conflicts sort first
    expect(groups[0]!.conflict).toBe(true)
  })

  it('agreeing values are no conflict, and refuted claims do not make one', () => {
    expect(groupClaims([c(1, 1, 'valuation', money('29000000000'), 1), c(2, 1, 'valuation', money('29000000000.0'), 2)])[0]!.conflict).toBe(false)
    expect(groupClaims([c(1, 1, 'valuation', money('29000000000'), 1), c(2, 1, 'valuation', money('13800000000'), 2, 'refuted')])[0]!.conflict).toBe(false)
    expect(groupClaims([c(1, 1, 'valuation', money('29000000000'), 1), c(2, 1, 'valuation', money('13800000000'), 2, 'disputed')])[0]!.conflict).toBe(true)
  })
})
