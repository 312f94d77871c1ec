// The export and annotation-import commands that start with a file dialog:
// the dialog chooses the path, the format modules do the rest. Kept out of
// AppCore (the session) so it stays about opening projects and importing.
//
// The format modules load when a command runs (dynamic imports): with them
// main started with every writer, the W3C reader and its HTML parser
// (parse5) and the text decoders (chardet, iconv-lite) loaded, some 10 MB
// of a session that may never export. The first export waits for them once.
import { basename, extname, join } from 'node:path'
import type { AnnotationImportReport, DataExportFormat, DataExportResult } from '../../contract/api'
import type { NativeHost } from '../app/native'
import type { ProjectDb } from '../db/projectDb'

/**
 * Exports the project's entities, links and mentions as data. A save
 * dialog chooses the file; for CSV it chooses the name the four tables
 * are written beside (`<name>-nodes.csv`, `-edges`, `-mentions`, `-claims`).
 */
export async function exportDataDialog(
  native: NativeHost,
  db: ProjectDb,
  dir: string,
  format: DataExportFormat,
  opts: { coMentions?: boolean } = {}
): Promise<DataExportResult | null> {
  const [{ FORMAT_INFO }, { exportProject }] = await Promise.all([import('./index'), import('./run')])
  const info = FORMAT_INFO[format]
  const name = basename(db.path, extname(db.path))
  const chosen = await native.showSaveDialog({
    title: `Export ${info.label}`,
    filters: [{ name: info.label, extensions: [info.extension.split('.').pop()!] }],
    defaultPath: join(dir, `${name}.${info.extension}`)
  })
  if (!chosen) return null
  return { format, paths: await exportProject(db, format, chosen, opts) }
}

/**
 * Project → Export Project as One File: a copy with every original inside
 * the file (db/originals.ts), for handing to another analyst.
 */
export async function exportOneFileDialog(native: NativeHost, db: ProjectDb, dir: string): Promise<{ path: string } | null> {
  const chosen = await native.showSaveDialog({
    title: 'Export project as one file',
    filters: [{ name: 'Research Workbench project', extensions: ['rwb'] }],
    defaultPath: join(dir, `${basename(db.path, extname(db.path))} (one file).rwb`)
  })
  if (!chosen) return null
  const path = extname(chosen).toLowerCase() === '.rwb' ? chosen : `${chosen}.rwb`
  await db.exportOneFile(path)
  return { path }
}

/** Imports the mentions of a W3C Web Annotation file (.jsonld) into the open project. */
export async function importAnnotationsDialog(native: NativeHost, db: ProjectDb, dir: string): Promise<(AnnotationImportReport & { path: string }) | null> {
  const [path] = await native.showOpenDialog({
    title: 'Import annotations',
    filters: [{ name: 'W3C Web Annotations', extensions: ['jsonld', 'json'] }],
    multiple: false,
    defaultPath: dir
  })
  if (!path) return null
  const { importAnnotationFile } = await import('./run')
  return { path, ...(await importAnnotationFile(db, path)) }
}
