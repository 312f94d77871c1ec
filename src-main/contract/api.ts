// The one API contract between renderer and main: every method, declared
// once in its domain's file (./documents.ts, ./entities.ts …) with its
// argument schema, result type, kind and what it changes (see ./define.ts).
// Main validates a call's arguments with the schema before the handler sees
// them and answers with an ApiResponse envelope (./bridge.ts), so a bad call
// gets a typed error instead of crashing anything.
import type { z } from 'zod'
import { claimsContract } from './claims'
import type { MethodDef } from './define'
import { documentsContract } from './documents'
import { entitiesContract } from './entities'
import { exportContract } from './export'
import { historyContract } from './history'
import { mapsContract } from './maps'
import { mentionsContract } from './mentions'
import { projectContract } from './project'
import { searchContract } from './search'
import { suggestionsContract } from './suggestions'

export const contract = {
  ...projectContract,
  ...documentsContract,
  ...searchContract,
  ...entitiesContract,
  ...mentionsContract,
  ...claimsContract,
  ...historyContract,
  ...mapsContract,
  ...exportContract,
  ...suggestionsContract
} satisfies Record<string, MethodDef>

export type Contract = typeof contract
export type Method = keyof Contract
export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends Method> = z.output<Contract[M]['args']>
export type ResultOf<M extends Method> = Contract[M]['result']
/** Methods implemented by the database worker's operations (core/db/ops.ts). */
export type DbMethod = { [M in Method]: Contract[M]['runs'] extends 'db' ? M : never }[Method]
/** Methods implemented by the session (core/app/appHandlers.ts). */
export type AppMethod = Exclude<Method, DbMethod>

export const METHOD_NAMES = Object.keys(contract) as Method[]
const names = new Set<string>(METHOD_NAMES)

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && names.has(value)
}

export * from './bridge'
export type { Change } from './define'
export { CHANGE_KINDS } from './define'
export type { RecentProject, Bootstrap } from './project'
export { DATA_EXPORT_FORMATS, type DataExportFormat, type DataExportResult, type AnnotationImportReport } from './export'
export { claimObjectSchema } from './claims'
export { mapFiltersSchema, mapSettingsSchema } from './maps'
