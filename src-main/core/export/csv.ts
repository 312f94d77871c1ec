// CSV for spreadsheets and Gephi's spreadsheet import: nodes, edges,
// mentions, claims and claim passages, each its own file, and a README.txt
// beside them describing every column (csvReadme.ts). RFC 4180 (comma, CRLF,
// fields with a comma, quote or line break in double quotes, quotes
// doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
//
// Formula-injection guard: a text cell that starts with = + @, a tab or a
// carriage return gets an apostrophe in front, so a spreadsheet shows it as
// text instead of running it. A cell starting with - gets one only when the
// rest would be read as a formula (an operator, a function call, a cell or
// DDE reference: "-1+1", "-SUM(A1)", "-cmd|'/c calc'!A0"); ordinary text
// ("-based firm", "- a list item") and plain negative numbers survive as
// they are. Trade-off: a cell like "-A1" that was meant as text is prefixed
// too; we would rather show one apostrophe too many than run a formula.
//
// Numbers (ids, counts, offsets, amounts) are written as numbers; amounts
// from their exact decimal, never through a float. Mention and passage
// offsets are given both ways: UTF-16 code units (JavaScript, the project
// file) and Unicode code points (Python, W3C annotations).
import { attributionText, claimKind, gradeMeaning, type ModelClaim } from './claimModel'
import { csvReadme } from './csvReadme'
import { EDGE_ATTRS, graphOf } from './common'
import type { ExportFile, GraphSnapshot } from './types'

export const BOM = '\ufeff'

/** What follows a leading "-" that makes a spreadsheet read the cell as a formula. */
const MINUS_FORMULA = /^\s*(?:[-+=@(]|\d[\d.,]*\s*[-+*/^&<>=%]|[A-Za-z_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b)|\||\w!\$?[A-Za-z]{1,3}\$?\d/

/** A text cell, neutralised against formula injection. */
export function safeText(value: string): string {
  if (/^[=+@\t\r]/.test(value)) return `'${value}`
  if (value.startsWith('-') && MINUS_FORMULA.test(value.slice(1))) return `'${value}`
  return value
}

/** A number written from its exact decimal string (never through a float). */
class Num {
  constructor(readonly text: string) {}
}

type Cell = string | number | boolean | Num | null | undefined

function field(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Num) return value.text
  const s = typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'true' : 'false') : safeText(value)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvTable(header: string[], rows: Cell[][]): string {
  const lines = [header.map(field).join(','), ...rows.map((r) => r.map(field).join(','))]
  return BOM + lines.join('\r\n') + '\r\n'
}

export const NODE_HEADER = ['id', 'label', 'type', 'type_label', 'color', 'mentions', 'notes', 'entity_id', 'aliases']
const EDGE_EXTRA = EDGE_ATTRS.filter((a) => !['label', 'type', 'category', 'predicate', 'grade'].includes(a.name))
export const EDGE_HEADER = [
  'id',
  'source',
  'target',
  'source_label',
  'target_label',
  'label',
  'predicate',
  'relation_type',
  'grade',
  'category',
  ...EDGE_EXTRA.map((a) => a.name)
]
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
export const CLAIM_HEADER = [
  'id',
  'kind',
  'subject_id',
  'subject',
  'predicate',
  'object_id',
  'object',
  'value_kind',
  'amount',
  'currency',
  'qualifier',
  'date',
  'date_precision',
  'number',
  'unit',
  'text',
  'status',
  'reliability',
  'credibility',
  'grade',
  'grade_meaning',
  'analyst_judgement',
  'attribution',
  'attribution_roles',
  'attribution_sources',
  'attribution_source_ids',
  'evidence_count',
  'document_ids',
  'quotes',
  'note',
  'created_at',
  'updated_at'
]
export const PASSAGE_HEADER = [
  'claim_id',
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

function claimRow(c: ModelClaim): Cell[] {
  const o = c.object
  return [
    c.key,
    claimKind(c),
    c.subjectId,
    c.subjectName,
    c.predicate,
    o.kind === 'entity' ? o.entityId : null,
    o.kind === 'entity' ? o.name : c.objectText,
    o.kind,
    o.kind === 'money' ? new Num(o.amountExact) : null,
    o.kind === 'money' ? o.currency : null,
    c.qualifier,
    o.kind === 'date' ? o.date : null,
    o.kind === 'date' ? o.precision : null,
    o.kind === 'number' ? new Num(o.valueExact) : null,
    o.kind === 'number' ? o.unit : null,
    o.kind === 'text' ? o.text : null,
    c.status,
    c.reliability,
    c.credibility,
    c.grade,
    gradeMeaning(c),
    c.analystJudgement,
    attributionText(c),
    c.attribution.map((a) => a.role).join('; '),
    c.attribution.map((a) => a.sourceName).join('; '),
    c.attribution.map((a) => a.sourceEntityId).join(' '),
    c.evidence.length,
    [...new Set(c.evidence.map((ev) => ev.documentId))].join(' '),
    c.evidence.map((ev) => ev.quote).join(' | '),
    c.notes,
    c.createdAt,
    c.updatedAt
  ]
}

export function toCsv(s: GraphSnapshot): ExportFile[] {
  const { nodes, edges } = graphOf(s)
  const entities = new Map(s.entities.map((e) => [e.id, e]))
  const docs = new Map(s.documents.map((d) => [d.id, d]))
  const nodeRows = nodes.map((n) => [n.id, n.label, n.type, n.typeLabel, n.color, n.mentions, n.notes, n.entityId, n.aliases.join(' | ')])
  const edgeRows = edges.map((e) => [
    e.id,
    e.source,
    e.target,
    e.sourceLabel,
    e.targetLabel,
    e.label,
    e.claim?.predicate ?? '',
    e.kind === 'co-mention' ? 'co-mention' : 'claim',
    e.claim?.grade ?? '',
    e.kind === 'co-mention' ? 'co-mention' : 'claim',
    ...EDGE_EXTRA.map((a) => a.of(e))
  ])
  const mentionRows = s.mentions.map((m) => {
    const e = entities.get(m.entityId)
    const d = docs.get(m.documentId)
    return [m.id, m.entityId, e?.name ?? '', e?.type ?? '', m.documentId, d?.title ?? '', d?.sha256 ?? '', m.start, m.end, m.cpStart, m.cpEnd, m.quote, m.prefix, m.suffix]
  })
  const passageRows = s.claims.flatMap((c) =>
    c.evidence.map((p) => {
      const d = docs.get(p.documentId)
      return [c.key, p.documentId, d?.title ?? '', d?.sha256 ?? '', p.start, p.end, p.cpStart, p.cpEnd, p.quote, p.prefix, p.suffix]
    })
  )
  return [
    { suffix: '-nodes.csv', content: csvTable(NODE_HEADER, nodeRows) },
    { suffix: '-edges.csv', content: csvTable(EDGE_HEADER, edgeRows) },
    { suffix: '-mentions.csv', content: csvTable(MENTION_HEADER, mentionRows) },
    { suffix: '-claims.csv', content: csvTable(CLAIM_HEADER, s.claims.map(claimRow)) },
    { suffix: '-passages.csv', content: csvTable(PASSAGE_HEADER, passageRows) },
    { suffix: '-README.txt', content: csvReadme(s) }
  ]
}
