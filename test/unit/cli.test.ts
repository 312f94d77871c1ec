// The `rwb` command line, run for real as a child process (the bundle
// globalSetup builds into test/.cache/cli.js, beside the database worker)
// over real corpus files; and the package's `rwb` bin after a real build.
import { spawn } from 'node:child_process'
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src-main/core/db/migrations'
import { APPLICATION_ID } from '../../src-main/core/db/projectFile'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { parseForImport, readForImport, sha256 } from '../../src-main/core/import/importFile'
import { REPO_ROOT, SEEDS_DIR, SHARED, tempDir } from '../support/tempDir'

const CLI = join(REPO_ROOT, 'test/.cache/cli.js')
const CORPUS = join(SHARED, 'corpus', 'html')
const SEED = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!)
const BBC = join(CORPUS, 'bbc-1', 'source.html')
const LEMONDE = join(CORPUS, 'lemonde-1', 'source.html')
const QQ = join(CORPUS, 'qq', 'source.html')

interface Run {
  code: number | null
  stdout: string
  stderr: string
  raw: Buffer
}

function runCommand(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (code) => {
      const raw = Buffer.concat(out)
      resolve({ code, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw })
    })
  })
}

const rwb = (args: string[], cwd?: string) => runCommand(process.execPath, [CLI, ...args], { cwd })

function lines(s: string): string[] {
  return s.split('\n').filter((l) => l.length > 0)
}

/** A usage-style error: exactly one line on stderr, from rwb, without a stack trace. */
function expectOneLineError(r: Run, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code)
  expect(lines(r.stderr)).toHaveLength(1)
  expect(r.stderr).toMatch(/^rwb: /)
  expect(r.stderr).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

/** Everything about a folder's files that a write would change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir).sort()) {
    const st = statSync(join(dir, name))
    out[name] = st.isFile() ? `${st.size}:${st.mtimeMs}:${sha256(readFileSync(join(dir, name)))}` : 'dir'
  }
  return out
}

// Each run starts a Node process (and, for import, jsdom): allow for a busy 2-core machine.
describe('rwb', { timeout: 120_000 }, () => {
  let t: ReturnType<typeof tempDir>
  let project: string
  let articles: string
  beforeAll(async () => {
    t = tempDir('rwb-cli-')
    project = join(t.dir, 'work', 'p.rwb')
    mkdirSync(join(t.dir, 'work'))
    // A folder to import recursively: two pages in a subfolder, and files that are skipped.
    articles = join(t.dir, 'articles')
    mkdirSync(join(articles, 'web'), { recursive: true })
    copyFileSync(LEMONDE, join(articles, 'web', 'lemonde.html'))
    copyFileSync(QQ, join(articles, 'web', 'qq.html'))
    writeFileSync(join(articles, 'notes.json'), '{"not": "importable"}')
    writeFileSync(join(articles, 'web', '.hidden.txt'), 'hidden files are skipped')
  })
  afterAll(() => t.cleanup())

  it('imports files and folders into a new project, one line per file, and saves', async () => {
    // Paths relative to the working directory are kept as given.
    const relSeed = relative(t.dir, SEED)
    const r = await rwb(['import', 'work/p.rwb', relSeed, BBC, 'articles'], t.dir)
    expect(r.code, r.stderr).toBe(0)
    expect(lines(r.stdout)).toEqual([
      `imported: ${relSeed}`,
      `imported: ${BBC}`,
      `imported: ${join('articles', 'web', 'lemonde.html')}`,
      `imported: ${join('articles', 'web', 'qq.html')}`
    ])
    expect(r.stderr).toMatch(/4 imported, 0 duplicate, 0 failed/)
    expect(statSync(project).size).toBeGreaterThan(0)
    // No lock file or temp file is left behind.
    expect(readdirSync(join(t.dir, 'work')).sort()).toEqual(['p.rwb', 'p.rwb.bak', 'p.rwb.originals'])
    expect(readdirSync(join(t.dir, 'work', 'p.rwb.originals')).map((n) => /^[0-9a-f]{64}\.gz$/.test(n))).toEqual([true, true, true, true])

    const again = await rwb(['import', project, SEED])
    expect(again.code).toBe(0)
    expect(lines(again.stdout)).toEqual([
      `duplicate: ${SEED} (already in the project as “Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems”)`
    ])
  })

  it('lists the documents as JSON with their metadata', async () => {
    const r = await rwb(['documents', project, '--json'])
    expect(r.code, r.stderr).toBe(0)
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(docs).toHaveLength(4)
    for (const d of docs) {
      expect(Object.keys(d).sort()).toEqual(
        ['byline', 'id', 'lang', 'pages', 'publishedTime', 'sha256', 'siteName', 'sourcePath', 'textLength', 'title'].sort()
      )
      expect(d.pages).toBeNull()
    }
    const bbcMeta = JSON.parse(readFileSync(join(CORPUS, 'bbc-1', 'expected-metadata.json'), 'utf8')) as Record<string, string>
    const bbc = docs.find((d) => d.sourcePath === BBC)!
    expect(bbc).toMatchObject({ title: bbcMeta.title, siteName: bbcMeta.siteName, lang: 'en', sha256: sha256(readFileSync(BBC)) })
    expect(bbc.publishedTime).toBe(bbcMeta.publishedTime)
    const seed = docs.find((d) => d.sourcePath === relative(t.dir, SEED))!
    const seedText = parseForImport(readForImport(SEED)).text
    expect(seed).toMatchObject({ id: 1, title: 'Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems', lang: null, textLength: seedText.length })
    expect(docs.find((d) => String(d.sourcePath).endsWith('lemonde.html'))).toMatchObject({ lang: 'fr' })
    // UTF-16 length, also for Chinese text.
    const qq = docs.find((d) => String(d.sourcePath).endsWith('qq.html'))!
    expect((await rwb(['text', project, String(qq.id)])).stdout.length).toBe(qq.textLength)
  })

  it('lists the documents as a table', async () => {
    const r = await rwb(['documents', project])
    expect(r.code).toBe(0)
    const [head, ...rows] = lines(r.stdout)
    expect(head).toMatch(/^ID\s+TITLE\s+SITE\s+LANG\s+PAGES\s+CHARS\s+SOURCE$/)
    expect(rows).toHaveLength(4)
    expect(rows[1]).toMatch(/^ 2 {2}Obama admits US gun laws/)
    expect(rows[1]).toContain('BBC News')
  })

  it('prints a document text exactly', async () => {
    const r = await rwb(['text', project, '1'])
    expect(r.code).toBe(0)
    expect(r.raw.equals(Buffer.from(parseForImport(readForImport(SEED)).text, 'utf8'))).toBe(true)
    const missing = await rwb(['text', project, '99'])
    expectOneLineError(missing, 1, /document 99 does not exist/)
  })

  it('searches the project', async () => {
    const json = await rwb(['search', project, '"Scale AI"', 'OR', 'renseignement', '--json'])
    expect(json.code, json.stderr).toBe(0)
    const hits = JSON.parse(json.stdout) as { documentId: number; title: string; start: number; end: number }[]
    expect(hits.map((h) => h.documentId).sort()).toEqual([1, 3])
    const seedText = parseForImport(readForImport(SEED)).text
    const seedHit = hits.find((h) => h.documentId === 1)!
    expect(seedText.slice(seedHit.start, seedHit.end)).toBe('Scale AI')
    const plain = await rwb(['search', project, 'Obama', '--limit', '1'])
    expect(plain.code).toBe(0)
    expect(lines(plain.stdout)[0]).toMatch(/^2 {2}Obama admits US gun laws/)
    expect(lines(plain.stdout)).toHaveLength(2)
    expect((await rwb(['search', project, '"unbalanced NEAR title:*'])).stdout).toBe('(no matches)\n')
  })

  it('never changes a project it only reads', async () => {
    const before = snapshot(join(t.dir, 'work'))
    for (const args of [['documents', project], ['documents', project, '--json'], ['text', project, '2'], ['search', project, 'Obama']]) {
      expect((await rwb(args)).code).toBe(0)
    }
    expect(snapshot(join(t.dir, 'work'))).toEqual(before)
  })

  it('reads a project of an older schema without migrating the file', async () => {
    const SQL = await loadSqlJs()
    const raw = new SQL.Database()
    raw.exec(`PRAGMA application_id = ${APPLICATION_ID}`)
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    raw.exec(MIGRATIONS.find((m) => m.version === 1)!.sql)
    raw.run("INSERT INTO schema_migrations VALUES (1, '0001_initial', '2026-01-01')")
    raw.exec('PRAGMA user_version = 1')
    raw.run(
      `INSERT INTO documents (title, source_path, media_type, file_size, sha256, original_gzip, text, blocks, imported_at)
       VALUES ('Old', 'old.txt', 'text/plain', 3, 'x', x'00', 'An old Pentagon note.', '[]', '2026-01-01')`
    )
    const dir = join(t.dir, 'old')
    mkdirSync(dir)
    const old = join(dir, 'old.rwb')
    writeFileSync(old, raw.export())
    raw.close()
    const before = snapshot(dir)
    expect((await rwb(['text', old, '1'])).stdout).toBe('An old Pentagon note.')
    const found = await rwb(['search', old, 'pentagon', '--json'])
    expect(JSON.parse(found.stdout)).toMatchObject([{ documentId: 1, start: 7, end: 15 }])
    expect(snapshot(dir)).toEqual(before)
  })

  it('exits 1 when a file fails, and still imports and saves the others', async () => {
    const empty = join(t.dir, 'empty.txt')
    writeFileSync(empty, '')
    const missing = join(t.dir, 'missing.md')
    const second = join(t.dir, 'second.rwb')
    const r = await rwb(['import', second, empty, BBC, missing, SEED])
    expect(r.code).toBe(1)
    expect(lines(r.stdout)).toEqual([
      `failed: ${empty}: the document has no readable text`,
      `imported: ${BBC}`,
      `failed: ${missing}: cannot read the file (ENOENT)`,
      `imported: ${SEED}`
    ])
    expect(r.stderr).toMatch(/2 imported, 0 duplicate, 2 failed/)
    const docs = JSON.parse((await rwb(['documents', second, '--json'])).stdout) as { sourcePath: string }[]
    expect(docs.map((d) => d.sourcePath)).toEqual([BBC, SEED])
  })

  it('answers usage errors with one line and exit 2', async () => {
    const notProject = join(t.dir, 'not-a-project.rwb')
    writeFileSync(notProject, 'just some text, not a database')
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['import'], /import: missing the project file/],
      [['import', project], /give at least one file or folder/],
      [['import', join(t.dir, 'new-project'), SEED], /must end in \.rwb/],
      [['import', notProject, SEED], /not a Research Workbench project/],
      [['import', SEED, BBC], /not a Research Workbench project/],
      [['documents'], /missing the project file/],
      [['documents', notProject], /not a Research Workbench project/],
      [['documents', join(t.dir, 'nowhere.rwb')], /no such project file/],
      [['documents', t.dir], /is a folder/],
      [['documents', project, '--yaml'], /unknown option --yaml/],
      [['text', project], /missing the document id/],
      [['text', project, 'abc'], /"abc" is not a document id/],
      [['text', project, '1', '2'], /unexpected argument 2/],
      [['search', project], /missing the query/],
      [['search', project, 'x', '--limit', '0'], /--limit must be 1 to 200/]
    ]
    for (const [args, pattern] of cases) expectOneLineError(await rwb(args), 2, pattern)
    // Nothing was created for the missing projects.
    expect(readdirSync(t.dir).filter((n) => n.startsWith('nowhere') || n.startsWith('new-project'))).toEqual([])
    // The file that is not a project is left as it was.
    expect(readFileSync(notProject, 'utf8')).toBe('just some text, not a database')

    const none = await rwb([])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^Usage: rwb/)
    const help = await rwb(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: rwb <command>/)
    expect(help.stdout).toMatch(/  import <project\.rwb> <file-or-folder>\.\.\./)
  })
})

describe('the rwb bin of the package', () => {
  let t: ReturnType<typeof tempDir>
  beforeAll(() => (t = tempDir('rwb-bin-')))
  afterAll(() => t.cleanup())

  it('points at an executable launcher that runs the built CLI, also through npx', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> }
    const binPath = pkg.bin?.rwb
    expect(binPath).toBeTruthy()
    const launcher = join(REPO_ROOT, binPath!)
    accessSync(launcher, constants.X_OK)
    expect(readFileSync(launcher, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)

    // The package as `npm install` + `npm run build` leave it, laid out in a
    // temp folder (so the repo's own out/ is not rebuilt under other tests):
    // package.json, the launcher, the build output, node_modules.
    const pkgDir = join(t.dir, 'pkg')
    mkdirSync(join(pkgDir, binPath!, '..'), { recursive: true })
    copyFileSync(join(REPO_ROOT, 'package.json'), join(pkgDir, 'package.json'))
    copyFileSync(launcher, join(pkgDir, binPath!))
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(pkgDir, 'node_modules'), 'dir')
    const notBuilt = await runCommand(join(pkgDir, binPath!), ['--help'])
    expectOneLineError(notBuilt, 2, /not built yet: run `npm run build`/)

    const build = await runCommand(process.execPath, [join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(pkgDir, 'out'), '--logLevel', 'warn'], {
      cwd: REPO_ROOT
    })
    // electron-vite builds main (core, workers, CLI) first, then preload and
    // renderer: only main's output matters here, so a renderer that does not
    // build (tested elsewhere) does not fail this test.
    for (const f of ['cli.js', 'db-worker.js']) expect(existsSync(join(pkgDir, 'out', 'main', f)), `${f}\n${build.stderr}`).toBe(true)

    // The built CLI finds its own database worker (no RWB_DB_WORKER).
    const env = { ...process.env }
    delete env.RWB_DB_WORKER
    const project = join(t.dir, 'bin.rwb')
    const imported = await runCommand(join(pkgDir, binPath!), ['import', project, SEED], { env })
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toBe(`imported: ${SEED}\n`)

    const npx = await runCommand('npx', ['--offline', 'rwb', 'text', project, '1'], {
      cwd: pkgDir,
      env: { ...env, npm_config_cache: join(t.dir, 'npm-cache'), npm_config_update_notifier: 'false' }
    })
    expect(npx.code, npx.stderr).toBe(0)
    expect(npx.stdout).toBe(parseForImport(readForImport(SEED)).text)
  }, 180_000)
})
