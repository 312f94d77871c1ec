// The evidence report (Export → Evidence Report…, `rwb report`): a Word
// document or one self-contained HTML file built from the project's claims,
// the entities and documents they name, and the map image as it was on
// screen (PNG bytes the renderer drew). Electron-free: the app's session
// (run.ts) and the CLI both call writeReport. Module map: model.ts (the
// data and its one read), text.ts (every sentence both formats say),
// docx.ts, html.ts, formats.ts, mapSelection.ts (the CLI's --map).
//
// Files are written atomically (core/fs/atomicWrite.ts): a failed write
// leaves no half report, and an existing file is replaced whole or not at all.
import type { ReportFormat } from '../../../contract/export'
import { writeFileAtomic } from '../../fs/atomicWrite'
import { buildDocx } from './docx'
import { reportPath } from './formats'
import { buildHtml } from './html'
import type { ReportData } from './model'

export async function renderReport(d: ReportData, format: ReportFormat): Promise<Uint8Array> {
  return format === 'docx' ? buildDocx(d) : new TextEncoder().encode(buildHtml(d))
}

/** Builds and writes the report atomically; returns the path written. */
export async function writeReport(d: ReportData, format: ReportFormat, chosen: string): Promise<string> {
  const bytes = await renderReport(d, format)
  const path = reportPath(chosen, format)
  writeFileAtomic(path, bytes, { mode: 0o644 })
  return path
}
