// Plain-text and Markdown import: the seed article, encodings, line ends,
// empty files, unsupported types.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block } from '../../src-main/contract/types'
import { isCoreError } from '../../src-main/core/app/errors'
import { decodeText } from '../../src-main/core/import/decode'
import { IMPORTABLE_EXTENSIONS, parseForImport, readForImport, sha256 } from '../../src-main/core/import/importFile'
import type { ParsedDocument } from '../../src-main/core/import/types'
import { SEEDS_DIR, tempDir } from '../support/tempDir'

type Imported = ParsedDocument & { title: string }

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir()))
afterAll(() => t.cleanup())

let n = 0
/** Writes bytes to a fresh file with that name and imports it like the app does. */
function importBytes(bytes: Uint8Array | string, name = `doc-${++n}.txt`): Imported {
  const path = join(t.dir, name)
  writeFileSync(path, bytes)
  return parseForImport(readForImport(path))
}

function importError(bytes: Uint8Array | string, name: string): { code: string; message: string } {
  try {
    importBytes(bytes, name)
  } catch (e) {
    expect(isCoreError(e), `a CoreError, not ${String(e)}`).toBe(true)
    return e as { code: string; message: string }
  }
  throw new Error(`importing ${name} did not fail`)
}

const slices = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => d.text.slice(b.start, b.end))

function expectWellFormed(d: { text: string; blocks: Block[] }) {
  expect(d.text === d.text.normalize('NFC')).toBe(true)
  expect(d.text).not.toContain('\r')
  expect(d.text).not.toContain('\uFEFF')
  let prev = 0
  for (const b of d.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(prev)
    expect(b.end).toBeGreaterThan(b.start)
    expect(b.end).toBeLessThanOrEqual(d.text.length)
    const s = d.text.slice(b.start, b.end)
    expect(s).toBe(s.trim())
    expect(d.text.slice(prev, b.start).trim()).toBe('')
    prev = b.end
  }
  expect(d.text.slice(prev).trim()).toBe('')
}

describe('the seed article (seeds/*.txt)', () => {
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))
  const path = join(SEEDS_DIR, files[0] ?? 'missing.txt')
  let source: string
  let doc: Imported
  beforeAll(() => {
    source = readFileSync(path, 'utf8')
    doc = parseForImport(readForImport(path))
  })

  it('is one UTF-8 file with LF line ends, already NFC (premises of the next test)', () => {
    expect(files).toHaveLength(1)
    expect(source).not.toContain('\r')
    expect(source.charCodeAt(0)).not.toBe(0xfeff)
    expect(source.normalize('NFC')).toBe(source)
  })

  it('keeps the file text exactly as the canonical text', () => {
    expect(doc.text).toBe(source)
    expect(doc.text.length).toBe(source.length)
  })

  it('takes the masthead and headline as site name and title', () => {
    expect(doc.siteName).toBe('NextFin')
    expect(doc.title).toBe('Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems')
    expect(doc.byline).toBeNull()
    expect(doc.blocks[0]).toMatchObject({ kind: 'p' })
    expect(doc.blocks[1]).toMatchObject({ kind: 'h1' })
    expect(slices(doc)[1]).toBe(doc.title)
  })

  it('makes blocks of paragraphs and bulleted lines: bullets are li, the rest p', () => {
    // Blocks are runs of non-blank lines, except that each bulleted line is a
    // block of its own. In this file every paragraph is one line, except the
    // page footer at the end ("Search" ... "Open App"), five lines with no
    // blank line between them, which stays one paragraph.
    const lines = source.split('\n').filter((l) => l.trim())
    const footerAt = lines.indexOf('Search')
    expect(footerAt).toBe(lines.length - 5)
    const expected = [...lines.slice(0, footerAt).map((l) => l.trim()), lines.slice(footerAt).join('\n')]
    expect(slices(doc)).toEqual(expected)
    const bullets = lines.filter((l) => /^\s*•/.test(l))
    expect(bullets).toHaveLength(4)
    expect(doc.blocks.filter((b) => b.kind === 'li').map((b) => doc.text.slice(b.start, b.end))).toEqual(bullets.map((l) => l.trim()))
    for (const [i, b] of doc.blocks.entries()) {
      if (i === 1) continue // the headline
      expect(b.kind, expected[i]).toBe(/^\s*•/.test(lines[i]!) ? 'li' : 'p')
    }
    // "Summarized by NextFin AI" is followed directly by the bullets, yet is a paragraph of its own.
    expect(doc.blocks[2]).toMatchObject({ kind: 'p' })
    expect(expected[2]).toBe('Summarized by NextFin AI')
    const lead = doc.blocks.find((b) => doc.text.startsWith('NextFin News - The U.S. Department of Defense', b.start))!
    expect(lead.kind).toBe('p')
    expect(doc.text.slice(lead.start, lead.end)).toMatch(/second administration\.$/)
  })

  it('has well-formed blocks and the file hash', () => {
    expectWellFormed(doc)
    expect(readForImport(path).sha256).toBe(sha256(readFileSync(path)))
    expect(readForImport(path).mediaType).toBe('text/plain')
  })
})

describe('plain text: line ends, BOMs and legacy encodings', () => {
  const logical = 'Headline Here\n\nFirst paragraph, “quoted” — café 😀 中文 עברית.\nSecond line of it.\n\n• one\n• two\n'

  it('turns CRLF and lone CR into LF and keeps everything else', () => {
    const crlf = importBytes(logical.replace(/\n/g, '\r\n'))
    expect(crlf.text).toBe(logical)
    const cr = importBytes(logical.replace(/\n/g, '\r'))
    expect(cr.text).toBe(logical)
    const mixed = importBytes('a\r\nb\rc\nd')
    expect(mixed.text).toBe('a\nb\nc\nd')
    expect(slices(crlf)).toEqual(['Headline Here', 'First paragraph, “quoted” — café 😀 中文 עברית.\nSecond line of it.', '• one', '• two'])
    expect(crlf.blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'li', 'li'])
    expectWellFormed(crlf)
  })

  it('drops a UTF-8 BOM', () => {
    const doc = importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(logical, 'utf8')]))
    expect(doc.text).toBe(logical)
    expect(doc.title).toBe('Headline Here')
  })

  it('reads UTF-16 LE and BE with a BOM (surrogate pairs included)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(logical.replace(/\n/g, '\r\n'), 'utf16le')])
    expect(importBytes(le).text).toBe(logical)
    const be = Buffer.from(le) // swap each code unit
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!]
    expect(be.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]))
    const doc = importBytes(be)
    expect(doc.text).toBe(logical)
    expect(decodeText(be).encoding).toBe('utf-16be')
  })

  it('reads bytes that are not UTF-8 as windows-1252', () => {
    // 0x93/0x94 smart quotes, 0xE9 é, 0x96 en dash, 0x80 euro sign
    const bytes = Buffer.concat([
      Buffer.from('He said '),
      Buffer.from([0x93]),
      Buffer.from('caf'),
      Buffer.from([0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]),
      Buffer.from('\r\n')
    ])
    const doc = importBytes(bytes)
    expect(doc.text).toBe('He said “café” – 5€\n')
    expect(decodeText(bytes).encoding).toBe('windows-1252')
  })

  it('maps the whole windows-1252 range, across chunk boundaries', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const text = decodeText(all).text
    // Written out from the windows-1252 code page. The five bytes it leaves
    // unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, a visible mark,
    // rather than invisible C1 controls.
    expect(text.slice(0x80, 0xa0)).toBe('€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ')
    for (let b = 0; b < 256; b++) if (b < 0x80 || b >= 0xa0) expect(text.charCodeAt(b)).toBe(b)
    expect(text).toHaveLength(256)
    const big = new Uint8Array(100_003).map((_, i) => (i % 7 === 0 ? 0x93 : 0x61))
    const decoded = decodeText(big).text
    expect(decoded).toHaveLength(big.length)
    expect(decoded.split('“').length - 1).toBe(Math.ceil(big.length / 7))
  })

  it('normalises to NFC (a decomposed é becomes one code unit)', () => {
    const doc = importBytes('Cafe\u0301 society\n\nThe re\u0301sume\u0301 was long.\n')
    expect(doc.text).toBe('Café society\n\nThe résumé was long.\n')
    expect(doc.text).not.toContain('\u0301')
    expectWellFormed(doc)
  })

  it('refuses an empty or whitespace-only file with a plain reason', () => {
    const cases: [string, Uint8Array | string][] = [
      ['empty.txt', ''],
      ['spaces.txt', '   \n\n\t \r\n  \r\n'],
      ['bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf])],
      ['utf16-spaces.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' \r\n \u00a0\u2003', 'utf16le')])],
      ['empty.md', '\n\n   \n'],
      ['rule-only.md', '---\n\n***\n']
    ]
    for (const [name, bytes] of cases) {
      const e = importError(bytes, name)
      expect(e.code, name).toBe('IMPORT_FAILED')
      expect(e.message, name).toBe('the document has no readable text')
    }
  })

  it('refuses an unsupported file type before reading it', () => {
    // (.pdf and .docx are importable since the "Opening local article files" issue.)
    for (const name of ['sheet.xlsx', 'letter.doc', 'README', 'archive.tar.gz']) {
      let err: unknown
      try {
        readForImport(join(t.dir, 'does-not-exist', name))
      } catch (e) {
        err = e
      }
      expect(isCoreError(err), name).toBe(true)
      expect((err as { code: string }).code).toBe('IMPORT_FAILED')
      expect((err as Error).message).toMatch(/^unsupported file type (\.xlsx|\.doc|\(no extension\)|\.gz)$/)
    }
    expect(IMPORTABLE_EXTENSIONS).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'htm', 'pdf', 'docx']))
  })

  it('reports a missing file plainly', () => {
    let err: unknown
    try {
      readForImport(join(t.dir, 'nope.txt'))
    } catch (e) {
      err = e
    }
    expect(isCoreError(err)).toBe(true)
    expect((err as Error).message).toBe('cannot read the file (ENOENT)')
  })

  it('uses the file name as title when there is no headline, and extension case does not matter', () => {
    const doc = importBytes('This opening paragraph ends with a full stop.\n', 'My Notes.TXT')
    expect(doc.title).toBe('My Notes')
    expect(doc.siteName).toBeNull()
  })
})

describe('markdown', () => {
  const md = [
    '# Scale AI wins *big* contract',
    '',
    'The **Department of Defense** awarded a _$500 million_ deal to [Scale AI](https://scale.com) with `code` inside.',
    '',
    '## Key points',
    '',
    '- First *point*',
    '- Second point with **bold**',
    '  continued on the next line',
    '',
    '1. Numbered one',
    '2. Numbered two',
    '',
    '> A quoted remark.',
    '',
    '```',
    'const x = 1 * 2',
    '  indented()',
    '```',
    ''
  ].join('\n')
  let doc: Imported
  beforeAll(() => (doc = importBytes(md, 'note.md')))

  it('turns headings, list items, quotes and code into blocks', () => {
    expect(slices(doc)).toEqual([
      'Scale AI wins big contract',
      'The Department of Defense awarded a $500 million deal to Scale AI with code inside.',
      'Key points',
      'First point',
      'Second point with bold continued on the next line',
      'Numbered one',
      'Numbered two',
      'A quoted remark.',
      'const x = 1 * 2\n  indented()'
    ])
    expect(doc.blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'h2', 'li', 'li', 'li', 'li', 'quote', 'pre'])
    expect(doc.title).toBe('Scale AI wins big contract')
  })

  it('removes emphasis, link and heading markers from the text', () => {
    const prose = doc.text.slice(0, doc.blocks[7]!.end) // everything but the code block
    expect(prose).not.toMatch(/[*_#`\[\]>]/)
    expect(prose).not.toContain('https://scale.com')
    expectWellFormed(doc)
  })

  it('keeps raw HTML as literal text, never as markup', () => {
    const d = importBytes('Before <script>alert(1)</script> after <b>bold</b>.\n', 'raw.md')
    expect(d.text).toBe('Before <script>alert(1)</script> after <b>bold</b>.')
    expect(d.blocks).toEqual([{ start: 0, end: d.text.length, kind: 'p' }])
  })

  it('reads markdown through the same decoder (CRLF, BOM, windows-1252)', () => {
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\r\n\r\nText \x93here\x94.\r\n', 'latin1')])
    const d = importBytes(bytes, 'legacy.md')
    expect(slices(d)).toEqual(['Café', 'Text “here”.'])
    const bom = importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\r\n\r\nBody.\r\n')]), 'bom.md')
    expect(bom.title).toBe('Title')
    expect(bom.text).toBe('Title\n\nBody.')
  })
})
