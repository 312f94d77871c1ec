// `rwb documents` starts fast because it loads only what it needs (issue
// #15: <= 300 ms on a one-article project): none of the importers' parsers
// (jsdom, pdf.js, mammoth), the suggestion model (wink), the API contract
// (zod) or the database worker. Checked in a real child process of the
// built CLI with a module hook recording every module it resolves or
// requires; `rwb --help` in the same harness must show zod, so the recorder
// is known to see what is loaded.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, SEEDS_DIR, tempDir } from '../support/tempDir'

const CLI = join(REPO_ROOT, 'test/.cache/cli.js')
const RECORDER = join(REPO_ROOT, 'test/fixtures/loadRecorder.mjs')
const SEED = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!)
const HEAVY = ['jsdom', 'pdfjs-dist', 'mammoth', 'wink-', 'zod', '@mozilla/readability', 'db-worker', 'import-worker']

let t: ReturnType<typeof tempDir>
let n = 0

/** Runs the CLI with the recorder; the modules it loaded. */
function loaded(args: string[]): { code: number | null; stdout: string; stderr: string; modules: string[] } {
  const log = join(t.dir, `loads-${++n}.txt`)
  const r = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    env: { ...process.env, RWB_LOAD_LOG: log },
    encoding: 'utf8'
  })
  let modules: string[] = []
  try {
    modules = readFileSync(log, 'utf8').split('\n').filter(Boolean)
  } catch {
    // no log: the assertions below say so
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules }
}

const heavy = (modules: string[]) => modules.filter((m) => HEAVY.some((h) => m.includes(`/${h}`) || m.includes(`\\${h}`)))

describe('rwb start-up: a command loads only what it needs', { timeout: 120_000 }, () => {
  let project: string
  beforeAll(() => {
    t = tempDir('rwb-cli-startup-')
    project = join(t.dir, 'one.rwb')
    const r = spawnSync(process.execPath, [CLI, 'import', project, SEED], { encoding: 'utf8' })
    expect(r.status, r.stdout + r.stderr).toBe(0)
  })
  afterAll(() => t.cleanup())

  it('the recorder sees a heavy module when one is loaded: `rwb suggest` loads the suggestion model (wink)', () => {
    const r = loaded(['suggest', project, '1'])
    expect(r.code, r.stderr).toBe(0)
    expect(heavy(r.modules).some((m) => m.includes('wink-')), r.modules.join('\n')).toBe(true)
  })

  it('`rwb --help` loads none of them (the usage text names the export formats without the contract)', () => {
    const r = loaded(['--help'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('graphml|gexf|csv|ftm|w3c|cyjs')
    expect(heavy(r.modules)).toEqual([])
  })

  it('`rwb documents` (table and --json) loads no parser, model, contract or worker, and reads sql.js', () => {
    for (const args of [['documents', project], ['documents', project, '--json']]) {
      const r = loaded(args)
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain('Scale AI')
      expect(r.modules.some((m) => m.includes('sql.js')), 'sql.js was loaded').toBe(true)
      expect(heavy(r.modules)).toEqual([])
    }
  })

  it('`rwb text` loads none of them either', () => {
    const r = loaded(['text', project, '1'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Pentagon')
    expect(heavy(r.modules)).toEqual([])
  })
})
