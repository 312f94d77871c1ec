// The evidence report as a Word document (.docx), written with the `docx`
// package: a title page, the map image, one block per claim, an entity index
// and a source list. Every word is a text run (Cyrillic, CJK and any other
// script stay text Word can search, copy and spell-check); the map is the
// only picture.
//
// Trade-offs: built-in heading styles (Heading 1–3), so Word's navigation
// pane and table of contents work on the report without custom styles; the
// claims are paragraphs rather than a table, because a table row cannot
// break across pages in every reader and a long quote would be cut.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { Claim } from '../../../contract/claims'
import type { ReportData, ReportDocument } from './model'
import {
  attributionText,
  citationParts,
  claimSentence,
  documentsById,
  GRADE_KEY_TEXT,
  gradeMeaning,
  judgementText,
  numbers,
  reportTitle,
  statusText,
  titleFacts,
  xmlSafe
} from './text'

/** The widest the map is drawn: the text width of an A4/Letter page with 1-inch margins, in pixels at 96 to the inch. */
const MAX_IMAGE_WIDTH = 600
const MAX_IMAGE_HEIGHT = 820

/** A run of text; line breaks inside it become Word line breaks. */
function runs(text: string, style: { bold?: boolean; italics?: boolean; color?: string; size?: number; font?: string } = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }))
}

function labelled(label: string, value: string, valueStyle: Parameters<typeof runs>[1] = {}): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value, valueStyle)] })
}

const STATUS_COLOR: Record<string, string> = { refuted: 'B02A37', disputed: 'B35C00', corroborated: '1E7B34', unverified: '444444' }

function citation(doc: ReportDocument, indent = 360): Paragraph {
  const children: ParagraphChild[] = []
  citationParts(doc).forEach((p, i) => {
    if (i > 0) children.push(new TextRun({ text: '', break: 1 }))
    children.push(new TextRun({ text: `${p.label}: `, bold: true, size: 18 }))
    children.push(...runs(p.value, { size: 18, font: p.label === 'SHA-256' ? 'Consolas' : undefined }))
  })
  return new Paragraph({ indent: { left: indent }, spacing: { after: 80 }, children })
}

function claimBlock(c: Claim, n: number, docs: Map<number, ReportDocument>): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(`${n}. ${claimSentence(c)}`) }),
    labelled('Grade', gradeMeaning(c)),
    labelled('Status', statusText(c), { color: STATUS_COLOR[c.status], bold: c.status === 'refuted' || c.status === 'disputed' }),
    labelled('Attribution', attributionText(c))
  ]
  const judgement = judgementText(c)
  if (judgement) out.push(new Paragraph({ spacing: { after: 40 }, children: runs(judgement, { italics: true }) }))
  if (c.passage) {
    out.push(
      new Paragraph({
        indent: { left: 360 },
        spacing: { before: 60, after: 60 },
        border: { left: { style: 'single', size: 12, color: '8899AA', space: 8 } },
        children: runs(`“${c.passage.quote}”`, { italics: true })
      })
    )
    const doc = docs.get(c.passage.documentId)
    if (doc) out.push(citation(doc))
  }
  if (c.notes.trim()) out.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: "Analyst's note: ", bold: true }), ...runs(c.notes)] }))
  out.push(new Paragraph({ spacing: { after: 160 }, children: [] }))
  return out
}

function imageParagraphs(d: ReportData): Paragraph[] {
  if (!d.image) return [new Paragraph({ children: runs(d.imageNote ?? 'No map image.', { italics: true, color: '666666' }) })]
  const { width, height } = d.image
  const scale = Math.min(1, MAX_IMAGE_WIDTH / width, MAX_IMAGE_HEIGHT / height)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: d.image.png,
          transformation: { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) },
          altText: { name: 'Map', title: xmlSafe(d.mapName ?? 'Map'), description: 'The map as shown on screen when the report was made.' }
        })
      ]
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs('The map as shown on screen when the report was made.', { italics: true, size: 18, color: '555555' }) })
  ]
}

export async function buildDocx(d: ReportData): Promise<Uint8Array> {
  const docs = documentsById(d)
  const title = reportTitle(d)
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 480 }, children: runs(title) }),
    ...titleFacts(d).map((f) => labelled(f.label, f.value)),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: runs('Map') }),
    ...imageParagraphs(d),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: runs('Claims') }),
    new Paragraph({ spacing: { after: 200 }, children: runs(GRADE_KEY_TEXT, { size: 18, color: '555555' }) })
  ]
  if (!d.claims.length) children.push(new Paragraph({ children: runs('No claims match the filters.', { italics: true }) }))
  d.claims.forEach((c, i) => children.push(...claimBlock(c, i + 1, docs)))

  children.push(new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: runs('Entity index') }))
  if (!d.entities.length) children.push(new Paragraph({ children: runs('No entities.', { italics: true }) }))
  for (const e of d.entities) {
    const parts: ParagraphChild[] = [...runs(e.name, { bold: true }), new TextRun({ text: ` (${xmlSafe(e.typeLabel)})` })]
    if (e.aliases.length) parts.push(new TextRun({ text: '', break: 1 }), new TextRun({ text: 'Also known as: ', italics: true }), ...runs(e.aliases.join('; ')))
    parts.push(new TextRun({ text: '', break: 1 }), new TextRun({ text: `Claims: ${numbers(e.claimNumbers)}`, color: '555555', size: 18 }))
    children.push(new Paragraph({ spacing: { after: 120 }, children: parts }))
  }

  children.push(new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: runs('Sources') }))
  if (!d.documents.length) children.push(new Paragraph({ children: runs('No quoted documents.', { italics: true }) }))
  d.documents.forEach((doc, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(`${i + 1}. ${doc.title}`) }))
    children.push(citation(doc, 0))
    children.push(new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: `Claims: ${numbers(doc.claimNumbers)}`, color: '555555', size: 18 })] }))
  })

  const document = new Document({
    creator: xmlSafe(d.author),
    lastModifiedBy: xmlSafe(d.author),
    title: xmlSafe(title),
    description: 'Evidence report made with Research Workbench',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
