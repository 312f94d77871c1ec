// Encodings: text and Markdown files in legacy encodings (detected with
// chardet, decoded with iconv-lite), and web pages that declare their
// charset (<meta charset>, http-equiv) or do not. Every legacy byte string
// here is made with iconv-lite from a known Unicode string, so each test
// checks a round trip.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeText, guessLegacyEncoding } from '../../src-main/core/import/decode'
import { decodeHtml, parseHtml } from '../../src-main/core/import/html'
import { parseForImport, readForImport } from '../../src-main/core/import/importFile'
import { tempDir } from '../support/tempDir'

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('rwb-enc-')))
afterAll(() => t.cleanup())

let n = 0
const importBytes = (bytes: Uint8Array, ext: string) => {
  const path = join(t.dir, `f${++n}.${ext}`)
  writeFileSync(path, bytes)
  return parseForImport(readForImport(path))
}

// Sentences long enough for a detector to be sure, as real files are.
const SAMPLES: [label: string, encoding: string, text: string][] = [
  ['Japanese in Shift_JIS', 'Shift_JIS', '日本語のテキストです。これは文字コードの検出を確かめるための文章で、東京都の天気は晴れです。会議は明日の午後に開かれます。'],
  ['Japanese in EUC-JP', 'EUC-JP', '日本語のテキストです。これは文字コードの検出を確かめるための文章で、東京都の天気は晴れです。会議は明日の午後に開かれます。'],
  ['Chinese in GBK', 'GBK', '中文文本测试。这是一个用于检测编码的句子，北京的天气很好。我们今天下午去公园散步，然后在饭店吃晚饭。'],
  ['Chinese in Big5', 'Big5', '繁體中文的文字測試。這是一個用於檢測編碼的句子，台北的天氣很好。我們今天下午去公園散步。'],
  ['Korean in EUC-KR', 'EUC-KR', '한국어 텍스트 테스트입니다. 서울의 날씨는 맑습니다. 우리는 오늘 오후에 공원에 갑니다.'],
  ['Russian in windows-1251', 'windows-1251', 'Это тестовый текст на русском языке. Погода в Москве сегодня хорошая, и мы идём гулять в парк.'],
  ['Russian in KOI8-R', 'KOI8-R', 'Это тестовый текст на русском языке. Погода в Москве сегодня хорошая, и мы идём гулять в парк.'],
  ['Polish in ISO-8859-2', 'ISO-8859-2', 'Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Żółw płynie powoli po łące.'],
  ['Greek in ISO-8859-7', 'ISO-8859-7', 'Αυτό είναι ένα δοκιμαστικό κείμενο στα ελληνικά. Ο καιρός στην Αθήνα είναι καλός σήμερα.'],
  ['French in windows-1252', 'windows-1252', 'Le café coûte 2 € — « vraiment ». Les élèves étaient déjà à l’école où ils ont mangé des crêpes.']
]

describe('text files in legacy encodings', () => {
  it.each(SAMPLES)('%s', (_label, encoding, text) => {
    const bytes = iconv.encode(text, encoding)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'not valid UTF-8').toThrow()
    const decoded = decodeText(bytes)
    expect(decoded.text).toBe(text)
    // The same through the importer, as .txt and .md.
    expect(importBytes(bytes, 'txt').text).toBe(text)
    expect(importBytes(bytes, 'md').text).toBe(text)
  })

  it('keeps UTF-8 with and without a BOM, and UTF-16 LE/BE with a BOM', () => {
    const text = 'Grüße aus Köln — 東京 — Москва 😀'
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8' })
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' })
    const be = Buffer.from(le)
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!]
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be' })
  })

  it('reads ISO-8859-1 and -9 as their Windows supersets, and falls back to windows-1252 on short or unclear bytes', () => {
    expect(guessLegacyEncoding(iconv.encode('Größere Übungen für Mädchen und Jungen: Straße, Fußgänger, Bücher, schön.', 'ISO-8859-1'))).toBe('windows-1252')
    expect(guessLegacyEncoding(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('windows-1252')
    // Two bytes of Shift_JIS are too few to tell: a visible guess, never a crash.
    expect(typeof decodeText(iconv.encode('日本', 'Shift_JIS')).text).toBe('string')
  })
})

describe('web pages: declared and undeclared charsets', () => {
  const page = (head: string, body: string) => `<html><head>${head}<title>T</title></head><body><article><p>${body}</p></article></body></html>`
  const encodePage = (head: string, text: string, encoding: string) => {
    const [before, after] = page(head, '\u0000').split('\u0000') as [string, string]
    return Buffer.concat([Buffer.from(before, 'latin1'), iconv.encode(text, encoding), Buffer.from(after, 'latin1')])
  }

  it.each(SAMPLES)('%s, declared with <meta charset>', (_label, encoding, text) => {
    const bytes = encodePage(`<meta charset="${encoding}">`, text, encoding)
    expect(parseHtml(bytes).text).toBe(text)
  })

  it('follows an http-equiv declaration (Shift_JIS, GBK)', () => {
    for (const [encoding, text] of [
      ['Shift_JIS', SAMPLES[0]![2]],
      ['GBK', SAMPLES[2]![2]]
    ] as const) {
      const bytes = encodePage(`<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`, text, encoding)
      expect(parseHtml(bytes).text).toBe(text)
      // and through the importer, as a file
      expect(importBytes(bytes, 'html').text).toBe(text)
    }
  })

  it.each(SAMPLES.filter(([, enc]) => ['Shift_JIS', 'GBK', 'EUC-KR', 'windows-1251', 'KOI8-R', 'windows-1252'].includes(enc)))(
    '%s, with no declaration: the detector decides',
    (_label, encoding, text) => {
      const bytes = encodePage('', text, encoding)
      expect(decodeHtml(bytes).encoding.toLowerCase()).toBe(encoding === 'GBK' ? 'gb18030' : encoding.toLowerCase())
      expect(parseHtml(bytes).text).toBe(text)
    }
  )

  it('reads a 7-bit ISO-2022-JP page by its declaration', () => {
    // 日本語 in ISO-2022-JP: ESC $ B, the JIS X 0208 codes, ESC ( B.
    const jis = Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x1b, 0x28, 0x42])
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="iso-2022-jp"><title>T</title></head><body><p>'), jis, Buffer.from('</p></body></html>')])
    expect(parseHtml(bytes).text).toBe('日本語')
  })

  it('ignores a stale utf-8 declaration over legacy bytes', () => {
    const text = SAMPLES[9]![2]
    expect(parseHtml(encodePage('<meta charset="utf-8">', text, 'windows-1252')).text).toBe(text)
  })
})
