// The evidence report as one self-contained HTML file: UTF-8, styles inline,
// the map image as a data: URI, a Content-Security-Policy that forbids every
// request (the file is opened offline, maybe on another machine, and must
// neither load nor run anything). Every text is escaped; nothing is drawn as
// an image except the map.
//
// Trade-off: the PNG travels base64-encoded inside the page (a third larger)
// so the report is one file an analyst can mail or archive as it is.
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

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for element content and attribute values. */
export function esc(s: string | number): string {
  return xmlSafe(String(s)).replace(/[&<>"']/g, (c) => ESC[c]!)
}

/** Text with its line breaks kept. */
function multiline(s: string): string {
  return esc(s).replace(/\r\n|\r|\n/g, '<br>')
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Noto Sans CJK JP",sans-serif;color:#1d2125;max-width:52rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.8rem;margin:0 0 1rem}h2{font-size:1.3rem;margin:2.2rem 0 .8rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:0 0 .4rem}
.title-page{border-bottom:2px solid #1d2125;padding-bottom:1.5rem;margin-bottom:1.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #dde}figcaption{color:#555;font-size:.9rem}
.claim{border:1px solid #dde;border-radius:6px;padding:.8rem 1rem;margin:0 0 1rem;break-inside:avoid}
.claim .meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:.3rem 0}.claim .meta dt{color:#555}.claim .meta dd{margin:0}
.status-refuted{color:#b02a37;font-weight:600}.status-disputed{color:#b35c00;font-weight:600}.status-corroborated{color:#1e7b34}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:3px solid #8899aa;background:#f6f7f9}
.cite{font-size:.9rem;color:#333}.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;word-break:break-all}
.note{white-space:normal;background:#fffbe6;border:1px solid #f0e2a8;padding:.3rem .6rem;border-radius:4px}
.muted{color:#666}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e5e8;padding:.3rem .4rem;text-align:left;vertical-align:top}
@media print{body{margin:0;max-width:none}.claim{page-break-inside:avoid}.title-page{page-break-after:always}}
`

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

function claimHtml(c: Claim, n: number, docs: Map<number, ReportDocument>): string {
  const doc = c.passage ? docs.get(c.passage.documentId) : undefined
  const judgement = judgementText(c)
  const rows: string[] = [
    `<dt>Grade</dt><dd>${esc(gradeMeaning(c))}</dd>`,
    `<dt>Status</dt><dd class="status-${esc(c.status)}">${esc(statusText(c))}</dd>`,
    `<dt>Attribution</dt><dd>${esc(attributionText(c))}</dd>`
  ]
  const passage = c.passage
    ? `<blockquote>“${multiline(c.passage.quote)}”</blockquote>` +
      (doc
        ? `<div class="cite">${citationParts(doc)
            .map((p) => `<span><b>${esc(p.label)}:</b> ${p.label === 'SHA-256' ? `<span class="hash">${esc(p.value)}</span>` : esc(p.value)}</span>`)
            .join(' · ')}</div>`
        : '')
    : ''
  return `<section class="claim" id="claim-${n}">
<h3>${n}. ${esc(claimSentence(c))}</h3>
<dl class="meta">${rows.join('')}</dl>
${judgement ? `<p class="muted">${esc(judgement)}</p>` : ''}${passage}
${c.notes.trim() ? `<p><b>Analyst's note:</b></p><div class="note">${multiline(c.notes)}</div>` : ''}
</section>`
}

export function buildHtml(d: ReportData): string {
  const docs = documentsById(d)
  const title = reportTitle(d)
  const facts = titleFacts(d)
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`)
    .join('')
  const image = d.image
    ? `<figure><img alt="${esc(`The map ${d.mapName ?? ''} as shown on screen`)}" width="${d.image.width}" height="${d.image.height}" src="data:image/png;base64,${base64(d.image.png)}"><figcaption>The map as shown on screen when the report was made.</figcaption></figure>`
    : `<p class="muted">${esc(d.imageNote ?? 'No map image.')}</p>`
  const claims = d.claims.length ? d.claims.map((c, i) => claimHtml(c, i + 1, docs)).join('\n') : '<p class="muted">No claims match the filters.</p>'
  const entities = d.entities
    .map(
      (e) =>
        `<tr><td>${esc(e.name)}</td><td>${esc(e.typeLabel)}</td><td>${e.aliases.length ? esc(e.aliases.join('; ')) : '<span class="muted">—</span>'}</td><td>${esc(numbers(e.claimNumbers))}</td></tr>`
    )
    .join('')
  const sources = d.documents
    .map(
      (doc) =>
        `<li>${citationParts(doc)
          .map((p) => `<b>${esc(p.label)}:</b> ${p.label === 'SHA-256' ? `<span class="hash">${esc(p.value)}</span>` : esc(p.value)}`)
          .join('<br>')}<br><b>Claims:</b> ${esc(numbers(doc.claimNumbers))}</li>`
    )
    .join('')
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${esc(d.author)}">
<meta name="generator" content="Research Workbench">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="title-page">
<h1>${esc(title)}</h1>
<dl class="facts">${facts}</dl>
</header>
<h2>Map</h2>
${image}
<h2>Claims</h2>
<p class="muted">${esc(GRADE_KEY_TEXT)}</p>
${claims}
<h2>Entity index</h2>
${d.entities.length ? `<table><thead><tr><th>Entity</th><th>Type</th><th>Also known as</th><th>Claims</th></tr></thead><tbody>${entities}</tbody></table>` : '<p class="muted">No entities.</p>'}
<h2>Sources</h2>
${d.documents.length ? `<ol class="sources">${sources}</ol>` : '<p class="muted">No quoted documents.</p>'}
</body>
</html>
`
}
