// `rwb report` through the CLI's own runner: the .docx and .html it writes
// (read back with mammoth and jsdom), --map applying a saved map's filters,
// and its usage errors. The command line draws no map image; the report and
// --help say so.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS } from '../../src-main/contract/maps'
import { runCli } from '../../src-main/cli/cli'
import { buildReportProject, type ReportFixture } from '../support/reportFixture'
import { tempDir } from '../support/tempDir'

let t: ReturnType<typeof tempDir>
let fx: ReportFixture

async function rwb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false })
  return { code, out, err }
}

beforeAll(async () => {
  t = tempDir('rwb-report-cli-')
  fx = await buildReportProject(t.dir, 'cli.rwb')
  const refuted = await fx.db.call('maps.create', { name: 'Refuted only' })
  await fx.db.call('maps.update', { id: refuted.id, filters: { ...DEFAULT_MAP_FILTERS, statuses: ['refuted', 'disputed'] }, settings: DEFAULT_MAP_SETTINGS })
  const noLinks = await fx.db.call('maps.create', { name: 'Сеть 网络' })
  await fx.db.call('maps.update', { id: noLinks.id, filters: { ...DEFAULT_MAP_FILTERS, documentIds: [fx.note.id] }, settings: { ...DEFAULT_MAP_SETTINGS, showLinks: false } })
  await fx.db.save()
})

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

describe('rwb report', () => {
  it('writes a Word document with every claim and says it has no map image', async () => {
    const out = join(t.dir, 'all.docx')
    const r = await rwb('report', fx.path, '--out', out, '--author', 'Ада Лавлейс')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe(`${out}\n`)
    expect(r.err).toMatch(/report of 7 claims, \d+ entities, 2 sources as docx/)
    const text = (await mammoth.extractRawText({ path: out })).value
    for (const c of Object.values(fx.claims)) expect(text).toContain(c.sentence)
    expect(text).toContain('Ада Лавлейс')
    expect(text).toContain('which draws no map')
    expect(text).toContain('every claim in the project')
  })

  it('--map NAME takes the claims that map shows under its saved filters', async () => {
    const out = join(t.dir, 'refuted.html')
    const r = await rwb('report', fx.path, '--out', out, '--map', 'refuted ONLY')
    expect(r.code, r.err).toBe(0)
    const text = new JSDOM(readFileSync(out, 'utf8')).window.document.body.textContent!
    expect(text).toContain(fx.claims.backed!.sentence)
    expect(text).toContain(fx.claims.met!.sentence)
    for (const k of ['awarded', 'valuation', 'signed', 'judgement', 'paid']) expect(text).not.toContain(fx.claims[k]!.sentence)
    expect(text).toContain('Refuted only')

    const out2 = join(t.dir, 'note.docx')
    const r2 = await rwb('report', fx.path, '--out', out2, '--map', 'Сеть 网络')
    expect(r2.code, r2.err).toBe(0)
    const text2 = (await mammoth.extractRawText({ path: out2 })).value
    expect(text2).toContain(fx.claims.met!.sentence)
    expect(text2).toContain(fx.claims.paid!.sentence)
    expect(text2).not.toContain(fx.claims.judgement!.sentence)
    expect(text2).not.toContain(fx.claims.awarded!.sentence)
  })

  it('exits 2 on usage errors, 1 for an unknown map, and --help explains the missing image', async () => {
    expect((await rwb('report', fx.path)).code).toBe(2)
    const bad = await rwb('report', fx.path, '--out', join(t.dir, 'x.pdf'))
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--out must end in \.docx or \.html/)
    expect((await rwb('report', join(t.dir, 'missing.rwb'), '--out', join(t.dir, 'x.docx'))).code).toBe(2)
    const noMap = await rwb('report', fx.path, '--out', join(t.dir, 'x.docx'), '--map', 'Nope')
    expect(noMap.code).toBe(1)
    expect(noMap.err).toMatch(/no map named "Nope"/)
    expect(existsSync(join(t.dir, 'x.docx'))).toBe(false)
    const help = await rwb('report', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/report <project\.rwb> --out <file\.docx\|file\.html> \[--map NAME\]/)
    expect(help.out).toMatch(/draws no map image/)
  })
})
