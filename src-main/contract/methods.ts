// The names of the contract's methods and the bridge's shape, without zod, so
// the sandboxed preload (which cannot load packages) can check calls.
import type { AppEvent } from './types'

export const METHOD_NAMES = [
  'app.bootstrap',
  'project.info',
  'project.new',
  'project.open',
  'project.openRecent',
  'project.openBackup',
  'project.saveAs',
  'project.recent',
  'project.saveState',
  'project.flush',
  'documents.list',
  'documents.get',
  'documents.openFiles',
  'documents.importFolder',
  'documents.importDropped',
  'documents.updateMeta',
  'import.cancel',
  'entities.list',
  'entities.create',
  'entities.update',
  'entities.delete',
  'entities.mentions',
  'mentions.forDocument',
  'mentions.create',
  'mentions.delete',
  'graph.coMentions',
  'search.query',
  'export.savePng',
  'export.data',
  'annotations.import',
  // tagging core
  'entityTypes.list',
  'entityTypes.create',
  'entityTypes.update',
  'aliases.list',
  'aliases.add',
  'aliases.remove',
  'entities.merge',
  'entities.merges',
  'entities.split',
  'entities.deletePreview',
  'entities.tagAllCandidates',
  'entities.tagAllConfirm',
  'claims.create',
  'claims.update',
  'claims.delete',
  'claims.get',
  'claims.list',
  'claims.groups',
  'claims.predicates',
  'claims.parseValue',
  'graph.claimEdges',
  'history.state',
  'history.undo',
  'history.redo',
  'audit.list',
  'anchors.review',
  'settings.userName',
  'settings.setUserName',
  // relationship map
  'maps.list',
  'maps.get',
  'maps.create',
  'maps.rename',
  'maps.delete',
  'maps.update',
  'graph.entityDocuments',
  'graph.pairEvidence',
  'export.saveFile',
] as const

export type Method = (typeof METHOD_NAMES)[number]

const names = new Set<string>(METHOD_NAMES)

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && names.has(value)
}

export type ErrorCode =
  | 'BAD_METHOD'
  | 'BAD_ARGS'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_PROJECT'
  | 'IMPORT_FAILED'
  | 'PROJECT_INVALID'
  | 'IO'
  | 'INTERNAL'

export interface ApiError {
  code: ErrorCode
  message: string
  /** Plain-JSON facts the UI can act on, e.g. `{ backupAvailable: true, path }` for a damaged project. */
  details?: Record<string, unknown>
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What the preload (or the e2e harness) puts on `window.rwb`. */
export interface Bridge {
  invoke(method: Method, args: unknown): Promise<ApiResponse<unknown>>
  onEvent(listener: (event: AppEvent) => void): () => void
  /** The file system path of a file dropped on the window ('' if it has none). */
  pathForFile(file: File): string
}

export const BRIDGE_KEY = 'rwb'
export const IPC_INVOKE = 'rwb:invoke'
export const IPC_EVENT = 'rwb:event'
