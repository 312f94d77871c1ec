// Importing W3C Web Annotations as mentions, inside the database worker (the
// document texts never leave it). All or nothing: one transaction.
//
// For each annotation: find the document by the SHA-256 of its bytes;
// convert the TextPositionSelector's code points to UTF-16; accept the
// position only if the TextQuoteSelector (exact, and prefix/suffix when
// given) matches the text there. If it does not, and prefix + exact + suffix
// occurs exactly once in the text, use that place and report the annotation
// as relocated; otherwise report it unresolved. An anchor is never moved
// silently. Entities are matched by exact name and type (the oldest one
// wins) and created only when a mention is actually made for them. Claims
// (`rwb:claim`) go the same way: annotationClaims.ts.
import type { AnnotationImportReport } from '../../../contract/api'
import { checkSpan, trimSpan, verifyAnchor } from '../../anchor/anchor'
import { OffsetConverter } from '../../export/codePoints'
import type { AnnotationCandidate, ClaimCandidate } from '../../export/types'
import { all, get, transaction, type Database } from '../sqlite'
import { importClaimCandidates, type DocText } from './annotationClaims'
import { createEntity } from './entities'
import { describeAction } from './history'
import { createMention } from './mentions'

/** Start offsets (UTF-16) of `needle` in `text`, at most `limit` of them. */
function occurrences(text: string, needle: string, limit: number): number[] {
  const out: number[] = []
  for (let i = text.indexOf(needle); i >= 0 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i)
  return out
}

export type SpanResolution = { start: number; end: number; relocated: boolean } | { reason: string }

/** Where a candidate's quote is in `text` (UTF-16 offsets), or why it cannot be placed. */
export function resolveSpan(text: string, conv: OffsetConverter, c: Pick<AnnotationCandidate, 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>): SpanResolution {
  let positionNote = 'it has no TextPositionSelector'
  if (c.start !== null && c.end !== null) {
    const s = conv.toUtf16(c.start)
    const e = conv.toUtf16(c.end)
    if (s === null || e === null) positionNote = 'its position is outside the document'
    else if (verifyAnchor(text, { start: s, end: e, quote: c.exact, prefix: c.prefix, suffix: c.suffix })) return { start: s, end: e, relocated: false }
    else positionNote = text.slice(s, e) === c.exact ? 'the text around its position differs from its prefix/suffix' : 'the text at its position differs from its quote'
  }
  const hits = occurrences(text, c.prefix + c.exact + c.suffix, 2)
  if (hits.length === 1) {
    const start = hits[0]! + c.prefix.length
    return { start, end: start + c.exact.length, relocated: c.start !== null }
  }
  const where = hits.length === 0 ? 'its quote (with its prefix and suffix) is not in the document' : 'its quote (with its prefix and suffix) occurs more than once'
  return { reason: `${positionNote}, and ${where}` }
}

export function importAnnotations(db: Database, a: { candidates: AnnotationCandidate[]; claims?: ClaimCandidate[] }, now: string): AnnotationImportReport {
  return transaction(db, () => {
    const report: AnnotationImportReport = {
      imported: 0,
      skippedDuplicates: 0,
      claimsImported: 0,
      claimsSkippedDuplicates: 0,
      relocated: [],
      unresolved: [],
      ignored: [],
      entitiesCreated: 0
    }
    const docs = new Map<string, DocText | null>()
    const docOf = (sha256: string): DocText | null => {
      let doc = docs.get(sha256)
      if (doc === undefined) {
        const row = get<{ id: number; text: string }>(db, 'SELECT id, text FROM documents WHERE sha256 = ?', [sha256])
        doc = row ? { id: row.id, text: row.text, conv: new OffsetConverter(row.text) } : null
        docs.set(sha256, doc)
      }
      return doc
    }
    for (const c of a.candidates) {
      const doc = docOf(c.sha256)
      if (!doc) {
        report.unresolved.push({ id: c.id, reason: `its document (urn:sha256:${c.sha256}) is not in this project` })
        continue
      }
      const span = resolveSpan(doc.text, doc.conv, c)
      if ('reason' in span) {
        report.unresolved.push({ id: c.id, reason: span.reason })
        continue
      }
      const problem = checkSpan(doc.text, span.start, span.end)
      if (problem) {
        report.unresolved.push({ id: c.id, reason: `its span cannot be tagged (${problem})` })
        continue
      }
      const trimmed = trimSpan(doc.text, span.start, span.end)
      const name = c.entityName.trim()
      let entity = get<{ id: number }>(db, 'SELECT id FROM entities WHERE name = ? AND type = ? ORDER BY id LIMIT 1', [name, c.entityType])
      if (entity) {
        const dup = all<{ id: number }>(db, 'SELECT id FROM mentions WHERE document_id = ? AND entity_id = ? AND start = ? AND end = ?', [
          doc.id,
          entity.id,
          trimmed.start,
          trimmed.end
        ])
        if (dup.length) {
          report.skippedDuplicates++
          continue
        }
      } else {
        entity = { id: createEntity(db, { name, type: c.entityType }, now).id }
        report.entitiesCreated++
      }
      createMention(db, { documentId: doc.id, entityId: entity.id, start: span.start, end: span.end }, now)
      report.imported++
      if (span.relocated) report.relocated.push(c.id)
    }
    if (a.claims?.length) {
      importClaimCandidates(db, a.claims, docOf, report, now)
      describeAction(`Import annotations (${report.imported} mentions, ${report.claimsImported} claims)`)
    }
    return report
  })
}
