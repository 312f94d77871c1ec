// "Tag all mentions": find every whole-word occurrence of an entity's name
// and aliases (core/tagging/text.ts) in one document or all of them, for
// the user to confirm in one list; then create the confirmed mentions in one
// transaction, which is one undoable action.
import type { Mention, TagAllResult, TagCandidate } from '../../../contract/types'
import { checkSpan, makeAnchor, sentenceAround, trimSpan } from '../../anchor/anchor'
import { CoreError } from '../../app/errors'
import { findNames, foldText } from '../../tagging/text'
import { all, get, transaction, type Database } from '../sqlite'
import { aliasNames } from './aliases'
import { decodeBlocks } from './documents'
import { getEntity } from './entities'
import { describeAction } from './history'
import { StatementCache } from './statements'

interface DocRow {
  id: number
  title: string
  text: string
  blocks: string
}

export function tagAllCandidates(db: Database, a: { entityId: number; documentId?: number }): TagCandidate[] {
  const entity = getEntity(db, a.entityId)
  const names = [entity.name, ...aliasNames(db, entity.id)]
  let docs: DocRow[]
  if (a.documentId !== undefined) {
    const d = get<DocRow>(db, 'SELECT id, title, text, blocks FROM documents WHERE id = ?', [a.documentId])
    if (!d) throw new CoreError('NOT_FOUND', `Document ${a.documentId} does not exist.`)
    docs = [d]
  } else {
    docs = all<DocRow>(db, 'SELECT id, title, text, blocks FROM documents ORDER BY id')
  }
  const out: TagCandidate[] = []
  for (const d of docs) {
    const matches = findNames(foldText(d.text), names)
    if (!matches.length) continue
    const blocks = decodeBlocks(d.blocks)
    const tagged = all<{ entityId: number; start: number; end: number }>(
      db,
      'SELECT entity_id AS entityId, start, end FROM mentions WHERE document_id = ? ORDER BY start',
      [d.id]
    )
    for (const m of matches) {
      // Already tagged: a mention of this entity on, around or overlapping
      // these words. Overlap counts too: after "Pentagon" is tagged and "the
      // Pentagon" becomes an alias, "the Pentagon" is that same mention, and
      // tagging it again would draw two boxes and double the count.
      const alreadyTagged = tagged.some((t) => t.entityId === entity.id && t.start < m.end && t.end > m.start)
      const otherEntityIds = [...new Set(tagged.filter((t) => t.entityId !== entity.id && t.start === m.start && t.end === m.end).map((t) => t.entityId))]
      const { sentence, offset } = sentenceAround(d.text, blocks, m.start, m.end)
      out.push({
        documentId: d.id,
        documentTitle: d.title,
        start: m.start,
        end: m.end,
        quote: d.text.slice(m.start, m.end),
        matched: m.name,
        sentence,
        sentenceStart: offset,
        alreadyTagged,
        otherEntityIds
      })
    }
  }
  return out
}

const COLUMNS = `id, entity_id AS entityId, document_id AS documentId, start, end, quote, prefix, suffix, created_at AS createdAt`

export function tagAllConfirm(
  db: Database,
  a: { entityId: number; spans: { documentId: number; start: number; end: number }[] },
  now: string
): TagAllResult {
  return transaction(db, () => {
    const entity = getEntity(db, a.entityId)
    const texts = new Map<number, string>()
    const created: Mention[] = []
    let skipped = 0
    const st = new StatementCache(db)
    try {
      for (const s of a.spans) {
        let text = texts.get(s.documentId)
        if (text === undefined) {
          const row = st.get<{ text: string }>('SELECT text FROM documents WHERE id = ?', [s.documentId])
          if (!row) throw new CoreError('NOT_FOUND', `Document ${s.documentId} does not exist.`)
          texts.set(s.documentId, (text = row.text))
        }
        const problem = checkSpan(text, s.start, s.end)
        if (problem) throw new CoreError('BAD_ARGS', `Cannot tag ${s.start}–${s.end} in document ${s.documentId}: ${problem}.`)
        const span = trimSpan(text, s.start, s.end)
        // A mention of this entity on or overlapping these words (an earlier
        // span of this same list included): skipped, as tagAllCandidates marks it.
        const dup = st.get('SELECT 1 AS x FROM mentions WHERE document_id = ? AND entity_id = ? AND start < ? AND end > ?', [
          s.documentId,
          entity.id,
          span.end,
          span.start
        ])
        if (dup) {
          skipped++
          continue
        }
        const an = makeAnchor(text, span.start, span.end)
        created.push(
          st.get<Mention>(
            `INSERT INTO mentions (entity_id, document_id, start, end, quote, prefix, suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
            [entity.id, s.documentId, an.start, an.end, an.quote, an.prefix, an.suffix, now]
          )!
        )
      }
    } finally {
      st.free()
    }
    describeAction(`Tag all: ${created.length} mention${created.length === 1 ? '' : 's'} of “${entity.name}”`)
    return { created, skipped }
  })
}
