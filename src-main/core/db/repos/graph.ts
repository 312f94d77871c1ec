import type { CoMention } from '../../../contract/types'
import { blockIndexAt } from '../../anchor/anchor'
import { all, type Database } from '../sqlite'
import { decodeBlocks } from './documents'

/** Pairs of entities mentioned in the same block (paragraph), counted per block: what the map draws. */
export function coMentions(db: Database): CoMention[] {
  return coMentionPairs(db).map(({ a, b, count }) => ({ a, b, count }))
}

/**
 * The same pairs with the documents they occur in (ascending), for the
 * exports (claimModel.ts): one count, so the map and a GEXF never disagree.
 */
export function coMentionPairs(db: Database): (CoMention & { documentIds: number[] })[] {
  const rows = all<{ documentId: number; entityId: number; start: number }>(
    db,
    'SELECT document_id AS documentId, entity_id AS entityId, start FROM mentions ORDER BY document_id, start'
  )
  const pairs = new Map<string, CoMention & { documentIds: number[] }>()
  let i = 0
  while (i < rows.length) {
    const docId = rows[i]!.documentId
    const blocks = decodeBlocks(all<{ blocks: string }>(db, 'SELECT blocks FROM documents WHERE id = ?', [docId])[0]!.blocks)
    const byBlock = new Map<number, Set<number>>()
    for (; i < rows.length && rows[i]!.documentId === docId; i++) {
      const bi = blockIndexAt(blocks, rows[i]!.start)
      let set = byBlock.get(bi)
      if (!set) byBlock.set(bi, (set = new Set()))
      set.add(rows[i]!.entityId)
    }
    for (const set of byBlock.values()) {
      const ids = [...set].sort((a, b) => a - b)
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) {
          const key = `${ids[x]}:${ids[y]}`
          const p = pairs.get(key)
          if (!p) pairs.set(key, { a: ids[x]!, b: ids[y]!, count: 1, documentIds: [docId] })
          else {
            p.count++
            if (p.documentIds.at(-1) !== docId) p.documentIds.push(docId)
          }
        }
    }
  }
  return [...pairs.values()]
}
