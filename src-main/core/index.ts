// The Electron-free core, as the e2e harness, the CLI and the Electron shell use it.
export { AppCore, type AppCoreOptions } from './app/appCore'
export { createHandlers, type Handlers } from './app/handlers'
export { dispatch, dispatchBatch } from './app/dispatch'
export type { NativeHost } from './app/native'
export { ProjectDb } from './db/projectDb'
export { parseForImport, readForImport, sha256 } from './import/importFile'
export { SuggestClient } from './suggest/client'
// The evidence report's writer, for the benchmark (test/bench/report.mjs).
export { renderReport } from './export/report/index'
export { EXPORT_FORMATS, renderExport, snapshotOptionsFor } from './export/index'
export { readSnapshot } from './export/snapshot'
