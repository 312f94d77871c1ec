// A real project for the evidence report tests (unit, CLI and e2e): the seed
// article (with its publisher, byline and date filled in, as an analyst
// would) and a short note with Cyrillic and CJK passages, imported the way
// the app imports files, with claims of every kind the report must show:
// corroborated, refuted, a money value "up to", a date, an analyst
// judgement, an attribution chain, aliases, a Cyrillic and a CJK name, and
// a name with & < > " in it. Kept apart from test/unit/exportFixture.ts (the
// data exports' own fixture) so the two can change independently.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { parseForImport, readForImport } from '../../src-main/core/import/importFile'
import type { ClaimInput } from '../../src-main/contract/claims'
import { SEEDS_DIR } from './tempDir'

export const NOTE_TEXT =
  'Field note, Vladivostok.\n\n' +
  'Иван Петров met representatives of 华为技术有限公司 at the port on 3 March.\n\n' +
  'A payment of about $4.2 million from Acme <&> "Quoted" Ltd reached the port authority.\n'

export const HOSTILE_NAME = 'Acme <&> "Quoted" Ltd'

export interface ReportDoc {
  id: number
  sha256: string
  text: string
  path: string
  fileName: string
  /** As the report cites it (after the metadata edits below). */
  title: string
}

async function importFile(db: ProjectDb, path: string): Promise<ReportDoc> {
  const file = readForImport(path)
  const parsed = parseForImport(file)
  const id = await db.call('documents.insert', { ...parsed, sourcePath: path, mediaType: file.mediaType, sha256: file.sha256, original: file.bytes })
  const doc = await db.call('documents.get', { id })
  return { id, sha256: file.sha256, text: doc.text, path, fileName: path.split(/[\\/]/).pop()!, title: doc.title }
}

export interface ReportFixture {
  db: ProjectDb
  path: string
  seed: ReportDoc
  note: ReportDoc
  entities: Record<string, number>
  /** The claims made, by key, with what the report must say about each. */
  claims: Record<string, { id: number; quote: string | null; sentence: string; grade: string; status: string; attribution: string; notes: string }>
  aliases: Record<string, string[]>
}

export function seedArticle(): string {
  const f = readdirSync(SEEDS_DIR).find((n) => n.endsWith('.txt'))
  if (!f) throw new Error('no seed article')
  return join(SEEDS_DIR, f)
}

/** Builds the project in `dir` (left open: the caller closes `db`). */
export async function buildReportProject(dir: string, name = 'Report test.rwb'): Promise<ReportFixture> {
  const path = join(dir, name)
  const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
  const seed = await importFile(db, seedArticle())
  await db.call('documents.updateMeta', { id: seed.id, siteName: 'NextFin', byline: 'NextFin News desk', publishedTime: '2026-02-11' })
  const notePath = join(dir, 'field-note-владивосток.txt')
  writeFileSync(notePath, NOTE_TEXT)
  const note = await importFile(db, notePath)
  await db.call('documents.updateMeta', { id: note.id, title: 'Field note: Vladivostok port', byline: 'Анна Смирнова', publishedTime: '2026-03-04' })

  const entities: Record<string, number> = {}
  const make = async (key: string, name: string, type: string) => {
    entities[key] = (await db.call('entities.create', { name, type })).id
  }
  await make('scale', 'Scale AI', 'Company')
  await make('dod', 'U.S. Department of Defense', 'PublicBody')
  await make('meta', 'Meta', 'Company')
  await make('nextfin', 'NextFin', 'Source')
  await make('tsg', 'TSG Invest', 'Source')
  await make('thorne', 'Marcus Thorne', 'Person')
  await make('petrov', 'Иван Петров', 'Person')
  await make('huawei', '华为技术有限公司', 'Company')
  await make('acme', HOSTILE_NAME, 'Company')
  await make('port', 'Vladivostok port authority', 'PublicBody')
  const aliases: Record<string, string[]> = { dod: ['the Pentagon', 'DoD'], petrov: ['Ivan Petrov'], huawei: ['Huawei', '華為'], scale: ['Scale'] }
  for (const [k, names] of Object.entries(aliases)) for (const n of names) await db.call('aliases.add', { entityId: entities[k]!, name: n })
  await db.call('entities.update', { id: entities.acme!, notes: 'Shell company; see the registry extract.' })

  const span = (doc: ReportDoc, quote: string) => {
    const at = doc.text.indexOf(quote)
    if (at < 0) throw new Error(`"${quote}" not in document ${doc.id}`)
    return { documentId: doc.id, start: at, end: at + quote.length }
  }
  const claims: ReportFixture['claims'] = {}
  const claim = async (key: string, a: ClaimInput, quote: string | null, sentence: string, attribution: string) => {
    const c = await db.call('claims.create', a)
    claims[key] = { id: c.id, quote, sentence, grade: c.grade, status: c.status, attribution, notes: a.notes ?? '' }
  }
  const awarded = 'The U.S. Department of Defense has awarded Scale AI a $500 million contract'
  await claim(
    'awarded',
    {
      subjectId: entities.dod!,
      predicate: 'awarded contract to',
      object: { kind: 'entity', entityId: entities.scale! },
      passage: span(seed, awarded),
      attribution: [{ entityId: entities.nextfin!, role: 'reported by' }],
      reliability: 'B',
      credibility: 2,
      status: 'corroborated',
      notes: 'Matches the DoD contract announcement.\nSecond line of the note.'
    },
    awarded,
    'U.S. Department of Defense — awarded contract to — Scale AI',
    'reported by NextFin'
  )
  const valuation = 'fluctuate as high as $29 billion'
  await claim(
    'valuation',
    {
      subjectId: entities.scale!,
      predicate: 'valuation',
      object: { kind: 'money', amount: '29000000000', currency: 'USD' },
      qualifier: 'up to',
      passage: span(seed, valuation),
      attribution: [
        { entityId: entities.nextfin!, role: 'reported by' },
        { entityId: entities.tsg!, role: 'according to' }
      ],
      reliability: 'C',
      credibility: 3,
      status: 'unverified'
    },
    valuation,
    'Scale AI — valuation — up to 29,000,000,000 USD',
    'reported by NextFin → according to TSG Invest'
  )
  const signed = 'previous $100 million agreement signed in late 2025'
  await claim(
    'signed',
    { subjectId: entities.scale!, predicate: 'previous agreement signed', object: { kind: 'date', date: '2025' }, passage: span(seed, signed), reliability: 'B', credibility: 3 },
    signed,
    'Scale AI — previous agreement signed — 2025',
    'none recorded'
  )
  const backed = 'the Meta-backed startup'
  await claim(
    'backed',
    {
      subjectId: entities.scale!,
      predicate: 'backed by',
      object: { kind: 'entity', entityId: entities.meta! },
      passage: span(seed, backed),
      reliability: 'D',
      credibility: 5,
      status: 'refuted',
      notes: 'Meta holds a minority stake only; "backed" overstates it.'
    },
    backed,
    'Scale AI — backed by — Meta',
    'none recorded'
  )
  await claim(
    'judgement',
    {
      subjectId: entities.meta!,
      predicate: 'influences',
      object: { kind: 'entity', entityId: entities.scale! },
      analystJudgement: true,
      reliability: 'F',
      credibility: 6,
      notes: 'My reading of the investor filings, not stated by any source.'
    },
    null,
    'Meta — influences — Scale AI',
    'none recorded'
  )
  const met = 'Иван Петров met representatives of 华为技术有限公司'
  await claim(
    'met',
    {
      subjectId: entities.petrov!,
      predicate: 'met with',
      object: { kind: 'entity', entityId: entities.huawei! },
      passage: span(note, met),
      attribution: [{ entityId: entities.thorne!, role: 'said' }],
      reliability: 'C',
      credibility: 2,
      status: 'disputed'
    },
    met,
    'Иван Петров — met with — 华为技术有限公司',
    'said Marcus Thorne'
  )
  const paid = 'A payment of about $4.2 million from Acme <&> "Quoted" Ltd'
  await claim(
    'paid',
    {
      subjectId: entities.acme!,
      predicate: 'paid',
      object: { kind: 'money', amount: '4200000', currency: 'USD' },
      qualifier: 'about',
      passage: span(note, paid),
      reliability: 'B',
      credibility: 2,
      status: 'corroborated',
      notes: 'Amount <approx.> & "unconfirmed" by the bank.'
    },
    paid,
    `${HOSTILE_NAME} — paid — about 4,200,000 USD`,
    'none recorded'
  )
  seed.title = (await db.call('documents.get', { id: seed.id })).title
  note.title = (await db.call('documents.get', { id: note.id })).title
  return { db, path, seed, note, entities, claims, aliases }
}

/** The seed article's bytes (for checking the SHA-256 a report cites). */
export function seedBytes(): Buffer {
  return readFileSync(seedArticle())
}
