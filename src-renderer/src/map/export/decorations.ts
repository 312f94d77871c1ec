// The sheet's title, legend and footer drawn on a 2D context: the PNG's
// canvas tiles and the PDF canvas take the same calls, so both formats show
// the same decorations (the SVG writes its own as elements, in svg.ts).
// Type icons are decoded once and cached; a legend swatch whose icon fails
// to decode is drawn without it rather than failing the export.
//
// On a transparent sheet the title, legend and footer sit on backing panels
// (near-opaque white, rounded): dark text on a dark page would vanish
// otherwise. A white sheet needs none, so none is drawn.
import { iconSvg } from '../icons'
import type { LegendEntry, Rect, Sheet } from '../tiling'
import { EXPORT_FONT, measureText } from './sheet'

/** The panels' fill: opaque enough to read through, on any page colour. */
export const PANEL_FILL = 'rgba(255,255,255,0.92)'

/** The boxes behind the title, legend and footer (with a little padding), as drawn. */
export function backingPanels(sheet: Sheet): { rect: Rect; radius: number }[] {
  const out: { rect: Rect; radius: number }[] = []
  const box = (x: number, y: number, w: number, h: number, pad: number) => out.push({ rect: { x: x - pad, y: y - pad, w: w + 2 * pad, h: h + 2 * pad }, radius: pad })
  if (sheet.title) {
    const t = sheet.title
    box(t.x, t.y, measureText(t.text, t.font, 700), t.font * 1.25, Math.round(t.font * 0.35))
  }
  if (sheet.legend) {
    const { font, swatch, entries } = sheet.legend
    const lineH = Math.max(swatch, font)
    let right = 0
    let bottom = 0
    for (const { entry, x, y } of entries) {
      right = Math.max(right, x + (entry.swatch.kind === 'edge' ? swatch * 2.4 : swatch) + swatch / 3 + measureText(entry.label, font))
      bottom = Math.max(bottom, y + lineH)
    }
    const { x, y } = sheet.legend.rect
    box(x, y, right - x, bottom - y, Math.round(font * 0.5))
  }
  if (sheet.footer) {
    const f = sheet.footer
    const w = Math.max(...f.lines.map((l) => measureText(l, f.font)))
    box(f.x, f.y, w, f.lines.length * f.lineHeight, Math.round(f.font * 0.5))
  }
  return out
}

const iconImages = new Map<string, HTMLImageElement>()

/** Loads the legend's type icons before drawing (drawImage skips images still loading). */
export async function loadIcons(legend: LegendEntry[] | null): Promise<void> {
  for (const e of legend ?? []) {
    if (e.swatch.kind !== 'node' || iconImages.has(e.swatch.type)) continue
    const img = new Image()
    img.src = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(e.swatch.type, 64))}`
    try {
      await img.decode()
      iconImages.set(e.swatch.type, img)
    } catch {
      // no icon: the swatch is drawn without it
    }
  }
}

export function drawDecorations(ctx: CanvasRenderingContext2D, sheet: Sheet, panels = false): void {
  if (panels) {
    ctx.fillStyle = PANEL_FILL
    for (const { rect, radius } of backingPanels(sheet)) {
      ctx.beginPath()
      ctx.roundRect(rect.x, rect.y, rect.w, rect.h, radius)
      ctx.fill()
    }
  }
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  if (sheet.title) {
    ctx.fillStyle = '#1f2328'
    ctx.font = `700 ${sheet.title.font}px ${EXPORT_FONT}`
    ctx.fillText(sheet.title.text, sheet.title.x, sheet.title.y)
  }
  if (sheet.legend) {
    const { font, swatch } = sheet.legend
    ctx.font = `400 ${font}px ${EXPORT_FONT}`
    const lineH = Math.max(swatch, font)
    for (const { entry, x, y } of sheet.legend.entries) {
      const cy = y + lineH / 2
      let tx = x
      if (entry.swatch.kind === 'node') {
        ctx.beginPath()
        ctx.fillStyle = entry.swatch.color
        ctx.arc(x + swatch / 2, cy, swatch / 2, 0, Math.PI * 2)
        ctx.fill()
        const icon = iconImages.get(entry.swatch.type)
        if (icon) ctx.drawImage(icon, x + swatch * 0.2, cy - swatch * 0.3, swatch * 0.6, swatch * 0.6)
        tx += swatch
      } else {
        const w = swatch * 2.4
        const unit = swatch / 12
        ctx.save()
        ctx.strokeStyle = entry.swatch.color
        ctx.fillStyle = entry.swatch.color
        ctx.lineWidth = entry.swatch.width * unit
        ctx.setLineDash(entry.swatch.dash.map((d) => d * unit))
        ctx.beginPath()
        ctx.moveTo(x, cy)
        ctx.lineTo(x + w - (entry.swatch.arrow ? 5 * unit : 0), cy)
        ctx.stroke()
        if (entry.swatch.arrow) {
          ctx.setLineDash([])
          ctx.beginPath()
          ctx.moveTo(x + w, cy)
          ctx.lineTo(x + w - 7 * unit, cy - 4 * unit)
          ctx.lineTo(x + w - 7 * unit, cy + 4 * unit)
          ctx.closePath()
          ctx.fill()
        }
        ctx.restore()
        tx += w
      }
      ctx.fillStyle = '#1f2328'
      ctx.textBaseline = 'middle'
      ctx.fillText(entry.label, tx + swatch / 3, cy)
      ctx.textBaseline = 'top'
    }
  }
  if (sheet.footer) {
    ctx.fillStyle = '#57606a'
    ctx.font = `400 ${sheet.footer.font}px ${EXPORT_FONT}`
    sheet.footer.lines.forEach((line, i) => ctx.fillText(line, sheet.footer!.x, sheet.footer!.y + i * sheet.footer!.lineHeight))
  }
}
