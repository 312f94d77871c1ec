// CSV for spreadsheets and Gephi's spreadsheet import: nodes, edges,
// mentions and claims, each its own file. RFC 4180 (comma, CRLF, fields with
// a comma, quote or line break in double quotes, quotes doubled), UTF-8 with
// a byte-order mark so Excel reads it as UTF-8, and formula-injection safe:
// a text cell that starts with = + - @ (or a tab or carriage return) is
// prefixed with an apostrophe so a spreadsheet shows it as text instead of
// running it. Numbers (ids, counts, offsets) are written as numbers.
//
// Mention offsets are given both ways: UTF-16 code units (JavaScript, the
// project file) and Unicode code points (Python, W3C annotations), into the
// document's canonical text.
import { graphOf } from './common'
import type { ExportFile, GraphSnapshot } from './types'

export const BOM = '\ufeff'

/** A text cell, neutralised against formula injection. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'number' ? String(value) : safeText(value)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvTable(header: string[], rows: (string | number | null | undefined)[][]): string {
  const lines = [header.map(field).join(','), ...rows.map((r) => r.map(field).join(','))]
  return BOM + lines.join('\r\n') + '\r\n'
}

export const NODE_HEADER = ['id', 'label', 'type', 'type_label', 'color', 'mentions', 'notes', 'entity_id']
export const EDGE_HEADER = ['id', 'source', 'target', 'source_label', 'target_label', 'label', 'predicate', 'relation_type', 'grade', 'category']
export const MENTION_HEADER = [
  'id',
  'entity_id',
  'entity',
  'entity_type',
  'document_id',
  'document',
  'document_sha256',
  'start_utf16',
  'end_utf16',
  'start_codepoint',
  'end_codepoint',
  'quote',
  'prefix',
  'suffix'
]
export const CLAIM_HEADER = ['id', 'subject_id', 'subject', 'predicate', 'object_id', 'object', 'grade', 'evidence_count', 'document_ids', 'quotes']

export function toCsv(s: GraphSnapshot): ExportFile[] {
  const { nodes, edges } = graphOf(s)
  const entities = new Map(s.entities.map((e) => [e.id, e]))
  const docs = new Map(s.documents.map((d) => [d.id, d]))
  const nodeRows = nodes.map((n) => [n.id, n.label, n.type, n.typeLabel, n.color, n.mentions, n.notes, n.entityId])
  const edgeRows = edges.map((e) => [e.id, e.source, e.target, e.sourceLabel, e.targetLabel, e.label, e.predicate, e.type, e.grade, e.category])
  const mentionRows = s.mentions.map((m) => {
    const e = entities.get(m.entityId)
    const d = docs.get(m.documentId)
    return [m.id, m.entityId, e?.name ?? '', e?.type ?? '', m.documentId, d?.title ?? '', d?.sha256 ?? '', m.start, m.end, m.cpStart, m.cpEnd, m.quote, m.prefix, m.suffix]
  })
  const claimRows = s.claims.map((c) => [
    `c${c.id}`,
    c.subjectId,
    entities.get(c.subjectId)?.name ?? '',
    c.predicate,
    c.objectId,
    c.objectId !== null ? (entities.get(c.objectId)?.name ?? '') : (c.objectText ?? ''),
    c.grade ?? '',
    c.evidence.length,
    [...new Set(c.evidence.map((ev) => ev.documentId))].join(' '),
    c.evidence.map((ev) => ev.quote).join(' | ')
  ])
  return [
    { suffix: '-nodes.csv', content: csvTable(NODE_HEADER, nodeRows) },
    { suffix: '-edges.csv', content: csvTable(EDGE_HEADER, edgeRows) },
    { suffix: '-mentions.csv', content: csvTable(MENTION_HEADER, mentionRows) },
    { suffix: '-claims.csv', content: csvTable(CLAIM_HEADER, claimRows) }
  ]
}
