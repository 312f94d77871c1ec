// Leaving the app: the map as an image file, the data in open formats, and
// W3C annotations coming back in.
import { z } from 'zod'
import { fileBytes, mutation, query, returns } from './define'

/** The data export formats (see src-main/core/export/). */
export const DATA_EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'ftm', 'w3c', 'cyjs'] as const
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number]

export interface DataExportResult {
  format: DataExportFormat
  /** Every file written (CSV writes five tables and a README.txt beside the chosen path). */
  paths: string[]
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
  'annotations.import': mutation({
    args: z.object({}).strict(),
    result: returns<(AnnotationImportReport & { path: string }) | null>(),
    runs: 'app',
    changes: (r) => (r && r.imported + r.entitiesCreated + r.claimsImported > 0 ? ['mentions', 'entities', 'documents', 'claims', 'history'] : [])
  })
}
