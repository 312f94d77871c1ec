// The two operations the app and the CLI share: export the open project to a
// chosen path, and import a W3C annotation file into it.
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { AnnotationImportReport } from '../../contract/api'
import { CoreError } from '../app/errors'
import type { ProjectDb } from '../db/projectDb'
import { snapshotOptionsFor, writeExport } from './index'
import { readSnapshot } from './snapshot'
import type { ExportFormat } from './types'
import { parseW3CAnnotations } from './w3c'

export async function exportProject(db: ProjectDb, format: ExportFormat, chosenPath: string, opts: { coMentions?: boolean } = {}): Promise<string[]> {
  const snapshot = await readSnapshot(db, snapshotOptionsFor(format, opts))
  try {
    return writeExport(snapshot, format, chosenPath)
  } catch (e) {
    throw new CoreError('IO', `Could not write the export (${basename(chosenPath)}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
}

export const MAX_ANNOTATION_FILE_BYTES = 256 * 1024 * 1024

export async function importAnnotationFile(db: ProjectDb, path: string): Promise<AnnotationImportReport> {
  let text: string
  try {
    if (statSync(path).size > MAX_ANNOTATION_FILE_BYTES) {
      throw new CoreError('IMPORT_FAILED', `${basename(path)} is too large (the limit is ${MAX_ANNOTATION_FILE_BYTES / 1048576} MB).`)
    }
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof CoreError) throw e
    throw new CoreError('IO', `Cannot read ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (e) {
    throw new CoreError('IMPORT_FAILED', `${basename(path)} is not JSON (${(e as Error).message}).`)
  }
  const parsed = parseW3CAnnotations(json)
  if (!parsed.recognised) {
    throw new CoreError('IMPORT_FAILED', `${basename(path)} holds no W3C Web Annotations.`)
  }
  const report: AnnotationImportReport =
    parsed.candidates.length + parsed.claims.length > 0
      ? await db.call('annotations.importCandidates', { candidates: parsed.candidates, claims: parsed.claims })
      : { imported: 0, skippedDuplicates: 0, claimsImported: 0, claimsSkippedDuplicates: 0, relocated: [], unresolved: [], ignored: [], entitiesCreated: 0 }
  return { ...report, unresolved: [...parsed.unresolved, ...report.unresolved], ignored: parsed.ignored }
}
