// `rwb export` and `rwb import-annotations` through the CLI's own runner:
// exit codes, output files, and what the commands print.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/cli'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { tempDir } from '../support/tempDir'
import { buildProject, importFile, seedPath, writeEmojiFile, type Fixture } from './exportFixture'

let t: ReturnType<typeof tempDir>
let fx: Fixture

async function rwb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false })
  return { code, out, err }
}

beforeAll(async () => {
  t = tempDir('rwb-export-cli-')
  fx = await buildProject(t.dir, 'cli.rwb')
  await fx.db.save()
})

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

describe('rwb export', () => {
  it('writes each format (even while the app has the project open) and prints the paths', async () => {
    for (const [format, out, expected] of [
      ['graphml', 'g.graphml', ['g.graphml']],
      ['gexf', 'g', ['g.gexf']],
      ['csv', 'tables.csv', ['tables-nodes.csv', 'tables-edges.csv', 'tables-mentions.csv', 'tables-claims.csv', 'tables-passages.csv', 'tables-README.txt']],
      ['ftm', 'entities', ['entities.ftm.json']],
      ['w3c', 'mentions.jsonld', ['mentions.jsonld']],
      ['cyjs', 'net.cyjs', ['net.cyjs']]
    ] as const) {
      const r = await rwb('export', fx.path, '--format', format, '--out', join(t.dir, out))
      expect(r.code, r.err).toBe(0)
      expect(r.out).toBe(expected.map((f) => `${join(t.dir, f)}\n`).join(''))
      expect(r.err).toMatch(new RegExp(`exported 15 entities, 6 claims, ${fx.mentionCount} mentions as ${format}`))
      for (const f of expected) expect(readFileSync(join(t.dir, f), 'utf8').length).toBeGreaterThan(20)
    }
    const w3c = JSON.parse(readFileSync(join(t.dir, 'mentions.jsonld'), 'utf8'))
    expect(w3c.total).toBe(fx.mentionCount + 6) // the mentions, and the 6 links as analyst-judgement claims
    // --co-mentions adds co-mention edges, marked as such
    const co = await rwb('export', fx.path, '--format', 'graphml', '--co-mentions', '--out', join(t.dir, 'co.graphml'))
    expect(co.code, co.err).toBe(0)
    expect(readFileSync(join(t.dir, 'co.graphml'), 'utf8')).toMatch(/<edge id="m\d+-\d+" [^>]*>\n.*<data key="d\d+">co-mention<\/data>/)
    expect(readFileSync(join(t.dir, 'g.graphml'), 'utf8')).not.toContain('co-mention</data>')
    expect(readFileSync(join(t.dir, 'g.graphml'), 'utf8')).toContain('<graphml')
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('accepts --format=x and flags before the project', async () => {
    const r = await rwb('export', `--format=cyjs`, `--out=${join(t.dir, 'eq.cyjs')}`, fx.path)
    expect(r.code, r.err).toBe(0)
    expect(existsSync(join(t.dir, 'eq.cyjs'))).toBe(true)
  })

  it('exits 2 on usage errors and files that are not projects, 1 when the output cannot be written', async () => {
    expect((await rwb('export')).code).toBe(2)
    expect((await rwb('export', fx.path, '--out', join(t.dir, 'x'))).err).toMatch(/--format is required/)
    const bad = await rwb('export', fx.path, '--format', 'pdf', '--out', join(t.dir, 'x'))
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/unknown format "pdf"/)
    expect((await rwb('export', fx.path, '--format', 'gexf')).code).toBe(2)
    expect((await rwb('export', fx.path, '--format', 'gexf', '--out', t.dir)).code).toBe(2)
    expect((await rwb('export', fx.path, '--bogus', '--format', 'gexf', '--out', join(t.dir, 'x'))).code).toBe(2)
    expect((await rwb('export', join(t.dir, 'missing.rwb'), '--format', 'gexf', '--out', join(t.dir, 'x'))).code).toBe(2)
    const notProject = join(t.dir, 'not-a-project.rwb')
    writeFileSync(notProject, 'hello')
    const np = await rwb('export', notProject, '--format', 'gexf', '--out', join(t.dir, 'x'))
    expect(np.code).toBe(2)
    expect(np.err).toMatch(/not a Research Workbench project/)
    const unwritable = await rwb('export', fx.path, '--format', 'gexf', '--out', join(t.dir, 'no', 'such', 'dir', 'x.gexf'))
    expect(unwritable.code).toBe(1)
    expect(unwritable.err).toMatch(/could not write/)
    expect(unwritable.out).toBe('')
  })

  it('is listed in the help', async () => {
    const r = await rwb('--help')
    expect(r.out).toContain('export <project.rwb> --format graphml|gexf|csv|ftm|w3c|cyjs --out <path> [--co-mentions]')
    expect(r.out).toContain('import-annotations <project.rwb> <file.jsonld>')
  })
})

describe('rwb import-annotations', () => {
  it('imports into another project, saves it, and exits 1 when some annotations are unresolved', async () => {
    const file = join(t.dir, 'cli-mentions.jsonld')
    expect((await rwb('export', fx.path, '--format', 'w3c', '--out', file)).code).toBe(0)

    const target = join(t.dir, 'target.rwb')
    const db = await ProjectDb.open(target, { create: true, saveDelayMs: 60_000 })
    await importFile(db, seedPath())
    await importFile(db, writeEmojiFile(t.dir))
    await db.close()

    const r = await rwb('import-annotations', target, file, '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ imported: fx.mentionCount, skippedDuplicates: 0, claimsImported: 6, unresolved: [] })
    expect(r.err).toMatch(new RegExp(`${fx.mentionCount} imported, 0 already there, 0 unresolved`))

    // saved: a fresh open sees the mentions
    const check = await ProjectDb.open(target)
    expect((await check.call('entities.list', undefined)).reduce((n, e) => n + e.mentionCount, 0)).toBe(fx.mentionCount)
    await check.close()

    // tamper one quote: reported, exit 1, the rest are duplicates
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    doc.first.items[0].target.selector[0].exact = 'nowhere to be found'
    const tampered = join(t.dir, 'cli-tampered.jsonld')
    writeFileSync(tampered, JSON.stringify(doc))
    const r2 = await rwb('import-annotations', target, tampered)
    expect(r2.code).toBe(1)
    expect(r2.out).toBe('')
    expect(r2.err).toContain(`unresolved: ${doc.first.items[0].id}:`)
    expect(r2.err).toMatch(new RegExp(`0 imported, ${fx.mentionCount - 1} already there, 1 unresolved`))
  })

  it('exits 2 on usage errors, 1 on a missing or unreadable annotation file', async () => {
    expect((await rwb('import-annotations', fx.path)).code).toBe(2)
    expect((await rwb('import-annotations')).code).toBe(2)
    expect((await rwb('import-annotations', join(t.dir, 'nope.rwb'), 'x.jsonld')).code).toBe(2)
    const missing = await rwb('import-annotations', join(t.dir, 'target.rwb'), join(t.dir, 'nope.jsonld'))
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/no such file/)
    const junk = join(t.dir, 'junk.jsonld')
    writeFileSync(junk, '[1, 2')
    const j = await rwb('import-annotations', join(t.dir, 'target.rwb'), junk)
    expect(j.code).toBe(1)
    expect(j.err).toMatch(/not JSON/)
  })
})
