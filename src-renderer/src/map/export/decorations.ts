// The sheet's title, legend and footer drawn on a 2D context: the PNG's
// canvas tiles and the PDF canvas take the same calls, so both formats show
// the same decorations (the SVG writes its own as elements, in svg.ts).
// Type icons are decoded once and cached; a legend swatch whose icon fails
// to decode is drawn without it rather than failing the export.
import { iconSvg } from '../icons'
import type { LegendEntry, Sheet } from '../tiling'
import { EXPORT_FONT } from './sheet'

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

export function drawDecorations(ctx: CanvasRenderingContext2D, sheet: Sheet): void {
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
