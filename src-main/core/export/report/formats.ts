// The evidence report's two formats and how a chosen file name maps to one.
// Apart from index.ts so the session and the CLI can name formats without
// loading the `docx` package (it is imported only when a report is written).
import { extname } from 'node:path'
import type { ReportFormat } from '../../../contract/export'

export const REPORT_FORMAT_INFO: Record<ReportFormat, { label: string; extension: string; accepts: string[] }> = {
  docx: { label: 'Word document', extension: 'docx', accepts: ['.docx'] },
  html: { label: 'Web page (one file)', extension: 'html', accepts: ['.html', '.htm'] }
}

/** The format a file name asks for (by its extension); null when it names neither. */
export function reportFormatOf(path: string): ReportFormat | null {
  const ext = extname(path).toLowerCase()
  if (ext === '.docx') return 'docx'
  if (ext === '.html' || ext === '.htm') return 'html'
  return null
}

/** The chosen path with the format's extension added when it has none the format accepts. */
export function reportPath(chosen: string, format: ReportFormat): string {
  const info = REPORT_FORMAT_INFO[format]
  return info.accepts.includes(extname(chosen).toLowerCase()) ? chosen : `${chosen}.${info.extension}`
}
