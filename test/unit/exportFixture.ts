// A real project for the export / W3C tests: the seed article and a document
// with emoji and CJK before its spans, imported the way the app imports files,
// with entities (some with hostile names), mentions and links (analyst-
// judgement claims without a passage: what "Link to…" makes).
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { parseForImport, readForImport } from '../../src-main/core/import/importFile'
import { SEEDS_DIR } from '../support/tempDir'

export const EMOJI_TEXT =
  '🎉🎉 中文测试：张伟 👩‍👩‍👧 met Zhang Wei and 李小龙 at Café Ünïcode in 北京.\n\n' +
  'Second paragraph 😀 mentions Zhang Wei again, and 𠀋𠀋 (astral CJK) before 李小龙.\n'

/** Names that test escaping: XML specials, a forbidden control character, formula triggers. */
export const HOSTILE = {
  xml: `Acme <&> "Quoted" 'Apos' Ltd`,
  control: 'Bell\u0007Corp\u0001',
  formula: '=HYPERLINK("http://evil.example","click")',
  plus: '+1 Capital',
  minus: '-Minus Holdings',
  at: '@handle Media'
}

export interface DocInfo {
  id: number
  sha256: string
  text: string
  path: string
}

export async function importFile(db: ProjectDb, path: string): Promise<DocInfo> {
  const file = readForImport(path)
  const parsed = parseForImport(file)
  const id = await db.call('documents.insert', { ...parsed, sourcePath: path, mediaType: file.mediaType, sha256: file.sha256, original: file.bytes })
  const doc = await db.call('documents.get', { id })
  return { id, sha256: file.sha256, text: doc.text, path }
}

export function seedPath(): string {
  const f = readdirSync(SEEDS_DIR).find((n) => n.endsWith('.txt'))
  if (!f) throw new Error('no seed article')
  return join(SEEDS_DIR, f)
}

export function writeEmojiFile(dir: string): string {
  const p = join(dir, 'emoji-cjk.txt')
  writeFileSync(p, EMOJI_TEXT)
  return p
}

/** Tags the n-th occurrence (0-based) of `quote` in the document. */
export async function tag(db: ProjectDb, doc: DocInfo, entityId: number, quote: string, nth = 0) {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = doc.text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`"${quote}" #${nth} not in document ${doc.id}`)
  }
  return db.call('mentions.create', { documentId: doc.id, entityId, start: at, end: at + quote.length })
}

export interface Fixture {
  db: ProjectDb
  path: string
  seed: DocInfo
  emoji: DocInfo
  entities: Record<string, number>
  /** Links: judgement claims with an entity object and no passage. */
  linkCount: number
  mentionCount: number
}

export async function buildProject(dir: string, name = 'Export test.rwb'): Promise<Fixture> {
  const path = join(dir, name)
  const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
  const seed = await importFile(db, seedPath())
  const emoji = await importFile(db, writeEmojiFile(dir))
  const entities: Record<string, number> = {}
  const make = async (key: string, name: string, type: string) => {
    entities[key] = (await db.call('entities.create', { name, type })).id
  }
  await make('scale', 'Scale AI', 'Company')
  await make('dod', 'U.S. Department of Defense', 'PublicBody')
  await make('meta', 'Meta', 'Company')
  await make('trump', 'Trump', 'Person')
  await make('money', '$500 million', 'Money')
  await make('zhang', 'Zhang Wei', 'Person')
  await make('li', '李小龙', 'Person')
  await make('cafe', 'Café Ünïcode', 'Location')
  await make('beijing', '北京', 'Location')
  for (const [k, v] of Object.entries(HOSTILE)) await make(k, v, 'Organization')
  await db.call('entities.update', { id: entities.scale!, notes: 'Notes with, commas; "quotes"\nand a new line' })

  let mentionCount = 0
  const t = async (doc: DocInfo, key: string, quote: string, nth = 0) => {
    await tag(db, doc, entities[key]!, quote, nth)
    mentionCount++
  }
  await t(seed, 'scale', 'Scale AI', 0)
  await t(seed, 'scale', 'Scale AI', 1)
  await t(seed, 'scale', 'Scale AI', 2)
  await t(seed, 'dod', 'U.S. Department of Defense', 0)
  await t(seed, 'meta', 'Meta', 0)
  await t(seed, 'trump', 'Trump', 0)
  await t(seed, 'money', '$500 million', 0)
  await t(emoji, 'zhang', 'Zhang Wei', 0)
  await t(emoji, 'zhang', 'Zhang Wei', 1)
  await t(emoji, 'li', '李小龙', 0)
  await t(emoji, 'li', '李小龙', 1)
  await t(emoji, 'cafe', 'Café Ünïcode', 0)
  await t(emoji, 'beijing', '北京', 0)

  const link = async (a: string, b: string, predicate: string) =>
    db.call('claims.create', { subjectId: entities[a]!, predicate, object: { kind: 'entity', entityId: entities[b]! }, analystJudgement: true })
  await link('dod', 'scale', 'awarded contract to')
  await link('meta', 'scale', 'owns') // a link type's verb: FtM Ownership
  await link('trump', 'dod', 'works for') // FtM Employment
  await link('zhang', 'cafe', 'met at')
  await link('xml', 'control', `label <&> "q" 'a'`)
  await link('formula', 'plus', '=1+1')
  return { db, path, seed, emoji, entities, linkCount: 6, mentionCount }
}
