// The data export formats' names, in a module of their own without zod: the
// command line's usage text and `rwb export`'s argument check need the list,
// and loading the API contract (zod and every schema) for them doubled the
// start-up of `rwb --help` (cliStartup.test.ts).

/** The data export formats (see src-main/core/export/). */
export const DATA_EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'ftm', 'w3c', 'cyjs'] as const
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number]
