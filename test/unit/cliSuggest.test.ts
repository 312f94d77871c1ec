// `rwb suggest`, run for real as a child process (test/.cache/cli.js): one
// document's suggestions as JSON with UTF-16 offsets into `rwb text`'s
// text, the same spans the engine finds in process; a table for people;
// tags and rejections made in the app are left out; the project file is
// never written; clear one-line errors.
import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestEntities } from '../../src-main/core/suggest/suggest'
import { REPO_ROOT, tempDir } from '../support/tempDir'
import { startSession } from './taggingSupport'

const CLI = join(REPO_ROOT, 'test/.cache/cli.js')

function rwb(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')))
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

interface Listed {
  start: number
  end: number
  text: string
  type: string
  score: number
  source: string
}

describe('rwb suggest', { timeout: 120_000 }, () => {
  const t = tempDir('rwb-cli-suggest-')
  let project: string
  let id: number
  let tagged: { start: number; end: number }
  let rejected: { start: number; end: number }

  beforeAll(async () => {
    // The sample article in a project made by the app, with one suggestion accepted and one rejected.
    const s = await startSession(t.dir)
    project = s.core.db().path
    id = (await s.call('documents.list', {}))[0]!.id
    const list = (await s.call('suggestions.forDocument', { documentId: id })).suggestions
    const scale = list.find((x) => x.text === 'Scale AI')!
    tagged = { start: scale.start, end: scale.end }
    await s.call('suggestions.accept', { documentId: id, spans: [tagged], name: 'Scale AI', type: 'Company' })
    const victim = list.find((x) => x.source === 'heuristic' && x.text !== 'Scale AI')!
    rejected = { start: victim.start, end: victim.end }
    await s.call('suggestions.reject', { documentId: id, spans: [rejected], text: victim.text })
    await s.flush()
    await s.core.shutdown()
  }, 120_000)
  afterAll(() => t.cleanup())

  it('prints the suggestions as JSON, offsets into `rwb text`', async () => {
    const before = statSync(project).mtimeMs
    const bytes = readFileSync(project)
    const r = await rwb(['suggest', project, String(id), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const list = JSON.parse(r.stdout) as Listed[]
    const text = (await rwb(['text', project, String(id)])).stdout
    expect(list.length).toBeGreaterThan(20)
    for (const x of list) {
      expect(Object.keys(x).sort()).toEqual(['end', 'score', 'source', 'start', 'text', 'type'])
      expect(text.slice(x.start, x.end)).toBe(x.text)
      expect(['dictionary', 'rule', 'model', 'heuristic']).toContain(x.source)
      expect(x.score).toBeGreaterThan(0)
      expect(x.score).toBeLessThanOrEqual(1)
    }
    // The accepted place is a tag, the rejected one is gone; the name's other places come from the project's names.
    expect(list.some((x) => x.start < tagged.end && x.end > tagged.start)).toBe(false)
    expect(list.some((x) => x.start === rejected.start && x.end === rejected.end)).toBe(false)
    const scale = list.filter((x) => x.text === 'Scale AI')
    expect(scale.length).toBeGreaterThan(5)
    expect(scale.every((x) => x.source === 'dictionary' && x.type === 'Company')).toBe(true)
    const money = list.find((x) => x.type === 'Money')
    expect(money?.source).toBe('rule')
    // Elsewhere (away from "Scale AI", now a project name), the spans the engine finds in process, but for the rejected one.
    const scalePlaces = [...text.matchAll(/Scale AI/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
    const away = (x: { start: number; end: number }) => !scalePlaces.some((p) => x.start < p.end && x.end > p.start)
    const engine = suggestEntities(text).filter((x) => away(x) && !(x.start === rejected.start && x.end === rejected.end))
    expect(list.filter(away).map((x) => `${x.start}:${x.end}:${x.type}`)).toEqual(engine.map((x) => `${x.start}:${x.end}:${x.type}`))
    // Read-only: the project file is untouched.
    expect(statSync(project).mtimeMs).toBe(before)
    expect(readFileSync(project).equals(bytes)).toBe(true)
  })

  it('prints a table for people', async () => {
    const r = await rwb(['suggest', project, String(id)])
    expect(r.code, r.stderr).toBe(0)
    const [head, ...rows] = r.stdout.trimEnd().split('\n')
    expect(head).toMatch(/^START\s+END\s+TYPE\s+SCORE\s+SOURCE\s+TEXT$/)
    expect(rows.some((l) => /Company\s+0\.95\s+dictionary\s+Scale AI$/.test(l))).toBe(true)
  })

  it('says plainly what is wrong', async () => {
    const missing = await rwb(['suggest', project, '999'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^rwb: .*document 999 does not exist\n$/)
    const bad = await rwb(['suggest', project, 'x'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/is not a document id/)
    const none = await rwb(['suggest', project])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/missing the document id/)
  })
})
