// Verifying every stored anchor (mentions and claims' passages) against its
// document's immutable text. Anything that no longer matches is listed for
// the analyst to review; nothing is ever moved silently.
import type { AnchorIssue } from '../../../contract/types'
import { verifyAnchor } from '../../anchor/anchor'
import { all, get, type Database } from '../sqlite'

/** The stored part of an issue: the anchor as it was saved. */
type AnchorRow = Pick<AnchorIssue, 'kind' | 'id' | 'documentId' | 'entityId' | 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>

function occurrences(text: string, needle: string, limit: number): number[] {
  const out: number[] = []
  if (!needle) return out
  for (let i = text.indexOf(needle); i >= 0 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i)
  return out
}

export function reviewAnchors(db: Database, a: { documentId?: number } = {}): AnchorIssue[] {
  const docFilter = a.documentId !== undefined ? 'WHERE document_id = ?' : ''
  const params = a.documentId !== undefined ? [a.documentId, a.documentId] : []
  const rows = all<AnchorRow>(
    db,
    `SELECT 'mention' AS kind, id, document_id AS documentId, entity_id AS entityId, start, end, quote, prefix, suffix FROM mentions ${docFilter}
     UNION ALL
     SELECT 'claim' AS kind, id, document_id AS documentId, subject_id AS entityId, start, end, quote, prefix, suffix FROM claims
      ${docFilter ? `${docFilter} AND` : 'WHERE'} document_id IS NOT NULL
     ORDER BY documentId, start, kind, id`,
    params
  )
  const out: AnchorIssue[] = []
  let docId = -1
  let doc: { text: string; title: string } | undefined
  for (const r of rows) {
    if (r.documentId !== docId) {
      docId = r.documentId
      doc = get<{ text: string; title: string }>(db, 'SELECT text, title FROM documents WHERE id = ?', [docId])
    }
    if (!doc) continue // the foreign key makes this impossible
    const text = doc.text
    if (Number.isInteger(r.start) && Number.isInteger(r.end) && verifyAnchor(text, r)) continue
    const inRange = Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end <= text.length && r.start < r.end
    const found = inRange ? text.slice(r.start, r.end) : ''
    out.push({
      kind: r.kind,
      id: r.id,
      documentId: r.documentId,
      documentTitle: doc.title,
      entityId: r.entityId,
      start: r.start,
      end: r.end,
      quote: r.quote,
      prefix: r.prefix,
      suffix: r.suffix,
      found,
      problem: !inRange ? 'out-of-range' : found !== r.quote ? 'quote-mismatch' : 'context-mismatch',
      quoteFoundAt: occurrences(text, r.quote, 10)
    })
  }
  return out
}
