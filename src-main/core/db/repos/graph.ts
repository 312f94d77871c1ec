import type { CoMention } from '../../../contract/types'
import { blockIndexAt } from '../../anchor/anchor'
import { all, type Database } from '../sqlite'
import { decodeBlocks } from './documents'

/** Pairs of entities mentioned in the same block (paragraph), counted per block. */
export function coMentions(db: Database): CoMention[] {
  const rows = all<{ documentId: number; entityId: number; start: number }>(
    db,
    'SELECT document_id AS documentId, entity_id AS entityId, start FROM mentions ORDER BY document_id'
  )
  const pairs = new Map<string, CoMention>()
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
          if (p) p.count++
          else pairs.set(key, { a: ids[x]!, b: ids[y]!, count: 1 })
        }
    }
  }
  return [...pairs.values()]
}
