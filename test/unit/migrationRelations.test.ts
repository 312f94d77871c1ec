// Migration 0006 on a real project written before it (test/fixtures/projects/
// v1-relations.rwb, made by make-v1-fixture.ts with the app as it was): the
// links become analyst-judgement claims, the map draws the same edges with
// the same labels and directions as that version recorded, nothing else
// changes, old undo steps (links made, deleted, moved and dropped by a merge)
// undo and redo as claims, and the old merge record still splits.
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Claim, Entity, MapDetail } from '../../src-main/contract/types'
import { LATEST_VERSION } from '../../src-main/core/db/migrations'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { graphOf } from '../../src-main/core/export/common'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import { claimEdgeSource } from '../../src-renderer/src/map/edgesFromClaims'
import { applyFilters } from '../../src-renderer/src/map/filters'
import { buildElements } from '../../src-renderer/src/map/graph'
import { REPO_ROOT, tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const FIXTURE = join(REPO_ROOT, 'test/fixtures/projects/v1-relations.rwb')
interface RecordedEdge {
  id: string
  classes: string
  source: string
  target: string
  label: string
}
const RECORDED = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/projects/v1-relations.map.json'), 'utf8')) as {
  relations: { id: number; source: string; target: string; type: string; label: string; createdAt: string }[]
  maps: { map: string; nodes: string[]; edges: RecordedEdge[] }[]
}
const VERBS: Record<string, string> = { contract: 'awarded contract to' }
const TYPE_NOTES: Record<string, string> = { funding: 'Link type: Funding / investment', contract: 'Link type: Contract', other: '' }

const TABLES = ['documents', 'entities', 'mentions', 'claims', 'relations', 'entity_aliases', 'entity_merges', 'maps', 'map_positions', 'history_actions', 'history_changes'] as const
type Counts = Record<(typeof TABLES)[number] | 'version', number>

/** Row counts of the fixture as it is on disk (schema 5), read without the app. */
async function countsOnDisk(file = FIXTURE): Promise<Counts> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(file))
  const n = (t: string) => Number(db.exec(`SELECT count(*) FROM ${t}`)[0]!.values[0]![0])
  const out = Object.fromEntries(TABLES.map((t) => [t, n(t)])) as Counts
  out.version = Number(db.exec('PRAGMA user_version')[0]!.values[0]![0])
  db.close()
  return out
}

/** Every map's edges as the renderer builds them today (store → applyFilters → buildElements). */
async function mapEdges(s: Session): Promise<{ map: string; nodes: string[]; edges: RecordedEdge[] }[]> {
  const [entities, claims, coMentions, entityDocuments, documents, maps] = await Promise.all([
    s.call('entities.list', {}),
    s.call('claims.list', {}),
    s.call('graph.coMentions', {}),
    s.call('graph.entityDocuments', {}),
    s.call('documents.list', {}),
    s.call('maps.list', {})
  ])
  const documentDates = new Map<number, string>()
  for (const d of documents) {
    const day = d.publishedTime ? (/^\d{4}-\d{2}-\d{2}/.exec(d.publishedTime)?.[0] ?? null) : null
    if (day) documentDates.set(d.id, day)
  }
  const data = { entities, claims: claims.map(claimEdgeSource), coMentions, entityDocuments, documentDates }
  const name = (nodeId: string) => entities.find((x) => `e${x.id}` === nodeId)?.name ?? '?'
  const out = []
  for (const m of maps) {
    const detail: MapDetail = await s.call('maps.get', { id: m.id })
    const shown = applyFilters(data, detail.filters, detail.settings)
    const els = buildElements({ ...shown, showCoMentions: detail.settings.showCoMentions, sizeBy: detail.settings.sizeBy })
    out.push({
      map: detail.name,
      nodes: shown.entities.map((x) => x.name).sort(),
      edges: els
        .filter((el) => el.group === 'edges')
        .map((el) => ({ id: String(el.data.id), classes: String(el.classes), source: name(String(el.data.source)), target: name(String(el.data.target)), label: String(el.data.label) }))
    })
  }
  return out
}

const drawn = (edges: RecordedEdge[]) => edges.map((e) => `${e.source} —${e.label}→ ${e.target}`).sort()

/** What the project holds, for comparing before and after undo/redo. */
async function snapshotOf(s: Session) {
  const entities = await s.call('entities.list', {})
  const claims = await s.call('claims.list', {})
  const mentions = (await Promise.all(entities.map((e) => s.call('entities.mentions', { entityId: e.id })))).flat()
  return {
    entities: entities.map((e: Entity) => ({ id: e.id, name: e.name, type: e.type, notes: e.notes, mentionCount: e.mentionCount })),
    claims: claims.map((c: Claim) => ({ ...c })).sort((a, b) => a.id - b.id),
    mentions: mentions.map((m) => m.id).sort((a, b) => a - b)
  }
}

describe('migration 0006: links become analyst-judgement claims', () => {
  let t: ReturnType<typeof tempDir>
  let s: Session
  let path: string

  beforeEach(async () => {
    t = tempDir('rwb-mig6-')
    path = join(t.dir, 'v1-relations.rwb')
    copyFileSync(FIXTURE, path)
    s = await startSession(join(t.dir, 'data'), { seeds: false })
    await s.core.openProject(path, false)
  })
  afterEach(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('turns every link into a judgement claim with the right subject, object and predicate, and changes nothing else', async () => {
    const before = await countsOnDisk()
    expect(before.version).toBe(5)
    expect(before.relations).toBe(3)
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(6)

    const entities = await s.call('entities.list', {})
    const byName = new Map(entities.map((e) => [e.name, e]))
    const claims = await s.call('claims.list', {})
    expect(entities).toHaveLength(before.entities)
    expect(claims).toHaveLength(before.claims + before.relations)
    const oldClaims = claims.filter((c) => c.id <= before.claims)
    expect(oldClaims.map((c) => c.predicate)).toEqual(['reports on', 'awarded contract to'])

    const links = claims.filter((c) => c.id > before.claims)
    expect(links).toHaveLength(RECORDED.relations.length)
    for (const r of RECORDED.relations) {
      const c = links.find((x) => x.subjectId === byName.get(r.source)!.id && x.object.kind === 'entity' && x.object.entityId === byName.get(r.target)!.id)
      expect(c, `${r.source} → ${r.target}`).toBeDefined()
      expect(c!.predicate).toBe(r.label || VERBS[r.type])
      expect(c!.analystJudgement).toBe(true)
      expect(c!.passage).toBeNull()
      expect(c!.createdAt).toBe(r.createdAt)
      expect(c!.notes).toBe(TYPE_NOTES[r.type])
      expect(c!.grade).toBe('F6')
      expect(c!.status).toBe('unverified')
      expect(c!.attribution).toEqual([])
    }
    // Ids: above every claim id the project had, in the order of the links.
    expect(links.map((c) => c.id)).toEqual([...links.map((c) => c.id)].sort((a, b) => a - b))

    // Everything else as it was: mentions, documents, maps and their positions, merges, aliases.
    const mentions = (await Promise.all(entities.map((e) => s.call('entities.mentions', { entityId: e.id })))).flat()
    expect(mentions).toHaveLength(before.mentions)
    expect(await s.call('documents.list', {})).toHaveLength(before.documents)
    const maps = await s.call('maps.list', {})
    expect(maps.map((m) => m.name).sort()).toEqual(['Contract network', 'Main map'])
    const named = await s.call('maps.get', { id: maps.find((m) => m.name === 'Contract network')!.id })
    expect(named.positions).toHaveLength(6)
    expect(named.positions.find((p) => p.entityId === byName.get('Scale AI')!.id)).toMatchObject({ x: 0, y: -80, pinned: true })
    expect(await s.call('aliases.list', {})).toHaveLength(before.entity_aliases)
    expect(await s.call('entities.merges', { entityId: byName.get('U.S. Department of Defense')!.id })).toHaveLength(1)
    expect(await s.call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Merge “Pentagon” into “U.S. Department of Defense”' })

    // Opening writes the migrated project whole once (an edit journal only
    // ever continues a file of this version); the file as the old version
    // left it is kept, byte for byte, as the backup. It is schema 6+ without the table.
    await s.flush()
    expect(readFileSync(`${path}.bak`).equals(readFileSync(FIXTURE))).toBe(true)
    expect(await countsOnDisk(`${path}.bak`)).toEqual(before)
    await s.call('entities.update', { id: byName.get('Meta')!.id, notes: 'Backs Scale AI.' })
    await s.flush()
    await s.core.shutdown()
    const SQL = await loadSqlJs()
    const db = new SQL.Database(readFileSync(path))
    expect(Number(db.exec('PRAGMA user_version')[0]!.values[0]![0])).toBe(LATEST_VERSION)
    expect(db.exec("SELECT name FROM sqlite_master WHERE name = 'relations'")).toEqual([])
    expect(db.exec("SELECT count(*) FROM history_changes WHERE tbl = 'relations'")[0]!.values[0]![0]).toBe(0)
    db.close()
    s = await startSession(join(t.dir, 'data2'), { seeds: false })
    await s.core.openProject(path, false)
    expect(await s.call('claims.list', {})).toHaveLength(before.claims + before.relations)
  })

  it('draws the same edges, labels and directions on every map as the version that wrote the project', async () => {
    const now = await mapEdges(s)
    expect(now.map((m) => m.map).sort()).toEqual(RECORDED.maps.map((m) => m.map).sort())
    for (const rec of RECORDED.maps) {
      const cur = now.find((m) => m.map === rec.map)!
      expect(cur.nodes, rec.map).toEqual(rec.nodes)
      expect(drawn(cur.edges), rec.map).toEqual(drawn(rec.edges))
      // What were links are drawn as links ("Your link"), and so is an analyst
      // judgement without a passage (a link made with "Link to…", drawn by its
      // grade before); claims with a passage keep their grade's look.
      const judgements = new Set(['NextFin|reports on|Scale AI'])
      const kind = (e: RecordedEdge) =>
        e.classes.includes('relation') || /\blink\b/.test(e.classes) || judgements.has(`${e.source}|${e.label}|${e.target}`) ? 'link' : e.classes
      const kinds = (edges: RecordedEdge[]) => edges.map((e) => `${e.source}|${e.label}|${e.target}|${kind(e)}`).sort()
      expect(kinds(cur.edges), rec.map).toEqual(kinds(rec.edges))
    }
  })

  it('exports the links as claims with the labels and directions they had', async () => {
    const snap = await readSnapshot(s.core.db())
    const { edges } = graphOf(snap)
    const got = edges.map((e) => `${e.sourceLabel} —${e.label}→ ${e.targetLabel}`).sort()
    const want = [
      ...RECORDED.relations.map((r) => `${r.source} —${r.label || VERBS[r.type]}→ ${r.target}`),
      'NextFin —reports on→ Scale AI',
      'U.S. Department of Defense —awarded contract to→ Scale AI'
    ].sort()
    expect(got).toEqual(want)
    expect(new Set(edges.map((e) => e.category))).toEqual(new Set(['claim']))
  })

  it('undoes and redoes every old step (links made, deleted, moved and dropped by a merge) without a conflict', async () => {
    const start = await snapshotOf(s)
    const dod = start.entities.find((e) => e.name === 'U.S. Department of Defense')!

    // The newest step is the merge: undoing it brings Pentagon back, with its link and the one the merge dropped.
    let step = await s.call('history.undo', {})
    expect(step.label).toBe('Merge “Pentagon” into “U.S. Department of Defense”')
    const pentagon = (await s.call('entities.list', {})).find((e) => e.name === 'Pentagon')!
    expect(pentagon).toBeDefined()
    const afterMergeUndo = await s.call('claims.list', {})
    const contract = afterMergeUndo.find((c) => c.predicate === 'awarded contract to' && c.analystJudgement && !c.passage)!
    expect(contract.subjectId).toBe(pentagon.id)
    const partOf = afterMergeUndo.find((c) => c.predicate === 'is part of')!
    expect(partOf).toMatchObject({ subjectId: pentagon.id, object: { kind: 'entity', entityId: dod.id }, analystJudgement: true, passage: null, notes: 'Link type: Membership' })

    // Then everything down to the first step, and back up again.
    const labels: string[] = [step.label!]
    for (step = await s.call('history.undo', {}); step.label; step = await s.call('history.undo', {})) labels.push(step.label)
    expect(labels).toContain('Link Meta → Scale AI')
    expect(labels).toContain('Remove link')
    expect(await s.call('entities.list', {})).toEqual([])
    expect(await s.call('claims.list', {})).toEqual([])
    let redone = 0
    for (step = await s.call('history.redo', {}); step.label; step = await s.call('history.redo', {})) redone++
    expect(redone).toBe(labels.length)
    expect(await snapshotOf(s)).toEqual(start)
  })

  it('splits a merge recorded before the migration: the links it moved and dropped go back to the merged entity', async () => {
    const entities = await s.call('entities.list', {})
    const dod = entities.find((e) => e.name === 'U.S. Department of Defense')!
    const [merge] = await s.call('entities.merges', { entityId: dod.id })
    const res = await s.call('entities.split', { mergeId: merge!.id })
    expect(res.restored.name).toBe('Pentagon')
    const claims = await s.call('claims.list', {})
    const contract = claims.find((c) => c.predicate === 'awarded contract to' && !c.passage)!
    expect(contract.subjectId).toBe(res.restored.id)
    const partOf = claims.find((c) => c.predicate === 'is part of')!
    expect(partOf).toMatchObject({ subjectId: res.restored.id, object: { kind: 'entity', entityId: dod.id }, analystJudgement: true })
    // The sourced claim stays with the DoD; the split is one undo step.
    expect(claims.find((c) => c.predicate === 'awarded contract to' && c.passage)!.subjectId).toBe(dod.id)
    await s.call('history.undo', {})
    expect((await s.call('entities.list', {})).some((e) => e.name === 'Pentagon')).toBe(false)
  })
})
