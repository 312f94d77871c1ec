// The SVG export: vector, with labels as <text> (cytoscape-svg, which
// replays Cytoscape's renderer through canvas2svg), nested in a sheet with
// the title, legend and footer written as SVG elements. On paper the file
// states its size in millimetres so it prints at that size. canvas2svg has
// one bug that loses node borders, and draws images as PNGs; both are
// patched once, on first use (icons become vector shapes: svgIcons.ts).
// A transparent sheet gets the PNG's backing panels behind its text.
import cytoscape, { type Core } from 'cytoscape'
import cytoscapeSvg from 'cytoscape-svg'
import { iconSvg } from '../icons'
import { PAPER_MM, type Sheet } from '../tiling'
import { backingPanels, PANEL_FILL } from './decorations'
import { patchVectorImages } from './svgIcons'
import { contentRect, EXPORT_FONT, planExport, unselected, type ExportSpec } from './sheet'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function svgDecorations(sheet: Sheet, panels: boolean): string {
  const out: string[] = []
  if (panels)
    for (const { rect, radius } of backingPanels(sheet))
      out.push(`<rect class="panel" x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" rx="${radius}" fill="${PANEL_FILL}"/>`)
  if (sheet.title) {
    const t = sheet.title
    out.push(`<text x="${t.x}" y="${t.y + t.font * 0.85}" font-family="${esc(EXPORT_FONT)}" font-size="${t.font}" font-weight="700" fill="#1f2328">${esc(t.text)}</text>`)
  }
  if (sheet.legend) {
    const { font, swatch } = sheet.legend
    const lineH = Math.max(swatch, font)
    out.push('<g class="legend">')
    for (const { entry, x, y } of sheet.legend.entries) {
      const cy = y + lineH / 2
      let tx = x
      if (entry.swatch.kind === 'node') {
        out.push(`<circle cx="${x + swatch / 2}" cy="${cy}" r="${swatch / 2}" fill="${entry.swatch.color}"/>`)
        out.push(iconSvg(entry.swatch.type, swatch * 0.6).replace('<svg ', `<svg x="${x + swatch * 0.2}" y="${cy - swatch * 0.3}" `))
        tx += swatch
      } else {
        const w = swatch * 2.4
        const unit = swatch / 12
        const dash = entry.swatch.dash.length ? ` stroke-dasharray="${entry.swatch.dash.map((d) => d * unit).join(' ')}"` : ''
        out.push(`<line x1="${x}" y1="${cy}" x2="${x + w - (entry.swatch.arrow ? 5 * unit : 0)}" y2="${cy}" stroke="${entry.swatch.color}" stroke-width="${entry.swatch.width * unit}"${dash}/>`)
        if (entry.swatch.arrow) out.push(`<path d="M${x + w} ${cy}L${x + w - 7 * unit} ${cy - 4 * unit}L${x + w - 7 * unit} ${cy + 4 * unit}Z" fill="${entry.swatch.color}"/>`)
        tx += w
      }
      out.push(`<text x="${tx + swatch / 3}" y="${cy}" dominant-baseline="central" font-family="${esc(EXPORT_FONT)}" font-size="${font}" fill="#1f2328">${esc(entry.label)}</text>`)
    }
    out.push('</g>')
  }
  if (sheet.footer) {
    const f = sheet.footer
    f.lines.forEach((line, i) =>
      out.push(`<text x="${f.x}" y="${f.y + i * f.lineHeight + f.font * 0.85}" font-family="${esc(EXPORT_FONT)}" font-size="${f.font}" fill="#57606a">${esc(line)}</text>`)
    )
  }
  return out.join('\n')
}

interface C2SProto {
  __currentElement: Element
  __currentDefaultPath: string
  __createElement(name: string, attrs: Record<string, string>, reset: boolean): Element
  __closestGroupOrSvg(): Element
  __applyCurrentDefaultPath(): void
  __rwbPatched?: boolean
}

/**
 * canvas2svg (inside cytoscape-svg) drops a fill or stroke that follows a
 * restore(): the path it was building is no longer the current element, so
 * it logs "Attempted to apply path command to node g" and the node's border
 * is lost. Re-create the path element there instead.
 */
function patchCanvas2Svg(): void {
  const C2S = (window as unknown as { C2S?: { prototype: C2SProto } }).C2S
  if (!C2S) return
  patchVectorImages(C2S.prototype as unknown as Parameters<typeof patchVectorImages>[0])
  if (C2S.prototype.__rwbPatched) return
  const original = C2S.prototype.__applyCurrentDefaultPath
  C2S.prototype.__applyCurrentDefaultPath = function (this: C2SProto) {
    if (this.__currentElement.nodeName !== 'path') {
      if (!this.__currentDefaultPath) return
      const path = this.__createElement('path', {}, true)
      this.__closestGroupOrSvg().appendChild(path)
      this.__currentElement = path
    }
    original.call(this)
  }
  C2S.prototype.__rwbPatched = true
}

/** The map as SVG (vector; labels as text) on the sheet, with title, legend and footer. */
export function exportSvg(cy: Core, spec: ExportSpec): Promise<string> {
  return unselected(cy, () => svgNow(cy, spec))
}

// Registered here, on the first SVG export, not with the map: this module loads only then
// (useExportHandle.ts), and an extension added to Cytoscape's prototype reaches existing maps too.
let svgRegistered = false

function svgNow(cy: Core, spec: ExportSpec): string {
  if (!svgRegistered) cytoscape.use(cytoscapeSvg)
  svgRegistered = true
  patchCanvas2Svg()
  const sheet = planExport(cy, spec)
  const content = contentRect(cy, spec.region)
  const svgFn = (cy as unknown as { svg(o: Record<string, unknown>): string }).svg
  if (typeof svgFn !== 'function') throw new Error('SVG export is not available (cytoscape-svg is not registered).')
  const inner = svgFn.call(cy, { full: spec.region === 'whole', scale: 1, maxWidth: Number.MAX_SAFE_INTEGER, bg: undefined })
  const doc = new DOMParser().parseFromString(inner, 'image/svg+xml')
  const root = doc.documentElement
  if (root.nodeName !== 'svg') throw new Error('SVG export failed: cytoscape-svg returned no <svg>.')
  const innerW = Number(root.getAttribute('width')) || content.w
  const innerH = Number(root.getAttribute('height')) || content.h
  root.setAttribute('x', String(sheet.offsetX))
  root.setAttribute('y', String(sheet.offsetY))
  root.setAttribute('width', String(content.w * sheet.k))
  root.setAttribute('height', String(content.h * sheet.k))
  root.setAttribute('viewBox', `0 0 ${innerW} ${innerH}`)
  root.setAttribute('overflow', 'hidden')
  const mapSvg = new XMLSerializer().serializeToString(root)
  // On paper, the SVG says its size in millimetres so it prints at that size.
  const mm = spec.size.kind === 'paper' ? PAPER_MM[spec.size.paper] : null
  const outer =
    mm && spec.size.kind === 'paper'
      ? spec.size.orientation === 'landscape'
        ? { width: `${mm.h}mm`, height: `${mm.w}mm` }
        : { width: `${mm.w}mm`, height: `${mm.h}mm` }
      : { width: String(sheet.width), height: String(sheet.height) }
  const bg = spec.background === 'white' ? `<rect width="100%" height="100%" fill="#ffffff"/>` : ''
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${outer.width}" height="${outer.height}" viewBox="0 0 ${sheet.width} ${sheet.height}">`,
    spec.title ? `<title>${esc(spec.title)}</title>` : '',
    bg,
    mapSvg,
    svgDecorations(sheet, spec.background === 'transparent'),
    '</svg>'
  ]
    .filter(Boolean)
    .join('\n')
}
