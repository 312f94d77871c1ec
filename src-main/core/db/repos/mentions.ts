import type { Mention, MentionInContext } from '../../../contract/types'
import { blockIndexAt, checkSpan, makeAnchor, sentenceAround, trimSpan } from '../../anchor/anchor'
import { CoreError } from '../../app/errors'
import { all, get, run, type Database } from '../sqlite'
import { getDocumentText } from './documents'
import { getEntity } from './entities'

const COLUMNS = `id, entity_id AS entityId, document_id AS documentId, start, end, quote, prefix, suffix, created_at AS createdAt`

export function mentionsForDocument(db: Database, documentId: number): Mention[] {
  return all<Mention>(db, `SELECT ${COLUMNS} FROM mentions WHERE document_id = ? ORDER BY start, end DESC`, [documentId])
}

export function allMentions(db: Database): Mention[] {
  return all<Mention>(db, `SELECT ${COLUMNS} FROM mentions ORDER BY document_id, start`)
}

const PROBLEM_TEXT = {
  'out-of-range': 'the selection is outside the document',
  empty: 'the selection is empty',
  'splits-character': 'the selection splits a character in two',
  'whitespace-only': 'the selection holds only spaces'
} as const

export function createMention(
  db: Database,
  a: { documentId: number; entityId: number; start: number; end: number },
  now: string
): Mention {
  getEntity(db, a.entityId)
  const { text } = getDocumentText(db, a.documentId)
  const problem = checkSpan(text, a.start, a.end)
  if (problem) throw new CoreError('BAD_ARGS', `Cannot tag: ${PROBLEM_TEXT[problem]}.`)
  const span = trimSpan(text, a.start, a.end)
  const dup = get<{ id: number }>(
    db,
    'SELECT id FROM mentions WHERE document_id = ? AND entity_id = ? AND start = ? AND end = ?',
    [a.documentId, a.entityId, span.start, span.end]
  )
  if (dup) throw new CoreError('CONFLICT', 'These words are already tagged with that entity.')
  const anchor = makeAnchor(text, span.start, span.end)
  const id = run(
    db,
    'INSERT INTO mentions (entity_id, document_id, start, end, quote, prefix, suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [a.entityId, a.documentId, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, now]
  ).lastId
  return get<Mention>(db, `SELECT ${COLUMNS} FROM mentions WHERE id = ?`, [id])!
}

export function deleteMention(db: Database, id: number): number {
  return run(db, 'DELETE FROM mentions WHERE id = ?', [id]).changes
}

export function mentionsOfEntity(db: Database, entityId: number): MentionInContext[] {
  getEntity(db, entityId)
  const rows = all<Mention>(db, `SELECT ${COLUMNS} FROM mentions WHERE entity_id = ? ORDER BY document_id, start`, [entityId])
  const docs = new Map<number, ReturnType<typeof getDocumentText>>()
  return rows.map((m) => {
    let doc = docs.get(m.documentId)
    if (!doc) docs.set(m.documentId, (doc = getDocumentText(db, m.documentId)))
    const { sentence, offset } = sentenceAround(doc.text, doc.blocks, m.start, m.end)
    const block = doc.blocks[blockIndexAt(doc.blocks, m.start)]
    return { ...m, documentTitle: doc.title, sentence, sentenceStart: offset, page: block?.page ?? null }
  })
}
