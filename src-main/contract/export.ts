// Leaving the app: the map as an image file, the data in open formats, and
// W3C annotations coming back in.
import { z } from 'zod'
import { fileBytes, id, mutation, query, returns } from './define'

import { DATA_EXPORT_FORMATS, type DataExportFormat } from './exportFormats'

export { DATA_EXPORT_FORMATS, type DataExportFormat }

export interface DataExportResult {
  format: DataExportFormat
  /** Every file written (CSV writes five tables and a README.txt beside the chosen path). */
  paths: string[]
}

/** The evidence report's formats (see src-main/core/export/report/). */
export const REPORT_FORMATS = ['docx', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ReportResult {
  path: string
  format: ReportFormat
  claims: number
  entities: number
  documents: number
  /** Whether the map image is in the report. */
  image: boolean
  /** Claims asked for that no longer exist (deleted meanwhile): left out. */
  missing: number
}

/** What importing a W3C Web Annotation file did. */
export interface AnnotationImportReport {
  /** Mentions created. */
  imported: number
  /** Annotations whose mention (same document, entity and span) already existed. */
  skippedDuplicates: number
  /** Claims created (annotations with rwb:claim, as our export writes them). */
  claimsImported: number
  /** Claims that already existed (same subject, predicate, value and passage). */
  claimsSkippedDuplicates: number
  /** Annotations whose position did not match but whose quote occurs exactly once: placed there. */
  relocated: string[]
  /** Annotations not imported, with the reason. */
  unresolved: { id: string; reason: string }[]
  /** Annotations left out on purpose (other tools' claims, without rwb:claim). */
  ignored: { id: string; reason: string }[]
  entitiesCreated: number
}

export const exportContract = {
  'export.data': query({
    /** `coMentions`: add entities tagged in the same paragraph as edges of kind "co-mention" (graph formats, CSV). */
    args: z.object({ format: z.enum(DATA_EXPORT_FORMATS), coMentions: z.boolean().optional() }).strict(),
    result: returns<DataExportResult | null>(), runs: 'app' }),
  /** Shows a save dialog and writes the image atomically; the bytes must be of the kind named. */
  'export.saveFile': query({
    args: z.object({ bytes: fileBytes, kind: z.enum(['png', 'svg', 'pdf']), suggestedName: z.string().max(200) }).strict(),
    result: returns<{ path: string } | null>(),
    runs: 'app'
  }),
  /**
   * Export → Evidence Report…: shows a save dialog and writes a Word document
   * or a self-contained HTML file with the claims named (in that order; null
   * for every claim), the map image as drawn on screen (PNG bytes; null for
   * none, with `imageNote` saying why) and the user's name as author.
   */
  'export.report': query({
    args: z
      .object({
        format: z.enum(REPORT_FORMATS),
        claimIds: z.array(id).max(1_000_000).nullable(),
        /** How the claims were chosen, for the title page ("as the claims view lists them: status refuted"). */
        selection: z.string().max(1000),
        mapName: z.string().max(200).nullable(),
        png: fileBytes.nullable(),
        imageNote: z.string().max(500).nullable()
      })
      .strict(),
    result: returns<ReportResult | null>(),
    runs: 'app'
  }),
  'annotations.import': mutation({
    args: z.object({}).strict(),
    result: returns<(AnnotationImportReport & { path: string }) | null>(),
    runs: 'app',
    changes: (r) => (r && r.imported + r.entitiesCreated + r.claimsImported > 0 ? ['mentions', 'entities', 'documents', 'claims', 'history'] : [])
  })
}
