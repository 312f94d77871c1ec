// The renderer's typed client for the contract. The bridge on window.rwb is
// supplied by the preload in Electron and by the harness in e2e tests.
import type { ArgsOf, ResultOf } from '@contract/api'
import { BRIDGE_KEY, type Bridge, type ErrorCode, type Method } from '@contract/methods'
import type { AppEvent } from '@contract/types'

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

function bridge(): Bridge {
  const b = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY]
  if (!b) throw new ApiCallError('INTERNAL', 'The app bridge is missing: start Research Workbench through Electron.')
  return b
}

export async function call<M extends Method>(method: M, ...args: {} extends ArgsOf<M> ? [args?: ArgsOf<M>] : [args: ArgsOf<M>]): Promise<ResultOf<M>> {
  const res = await bridge().invoke(method, args[0] ?? {})
  if (!res.ok) throw new ApiCallError(res.error.code, res.error.message, res.error.details)
  if (!READ_ONLY.has(method)) mutationListeners.forEach((l) => l(method))
  return res.value as ResultOf<M>
}

/**
 * Methods that change nothing in the project. Any other successful call may
 * have added an undo step, so listeners (the history slice) re-read the undo
 * state after it; a method missing here costs one cheap extra read, never a
 * stale Undo button. `history.state` must stay here (no loop).
 */
const READ_ONLY: ReadonlySet<string> = new Set<Method>([
  'app.bootstrap',
  'project.info',
  'project.recent',
  'project.saveState',
  'project.flush',
  'documents.list',
  'documents.get',
  'import.cancel',
  'entities.list',
  'entities.mentions',
  'mentions.forDocument',
  'graph.coMentions',
  'search.query',
  'export.savePng',
  'export.data',
  'export.saveFile',
  'entityTypes.list',
  'aliases.list',
  'entities.merges',
  'entities.deletePreview',
  'entities.tagAllCandidates',
  'claims.get',
  'claims.list',
  'claims.groups',
  'claims.predicates',
  'claims.parseValue',
  'graph.claimEdges',
  'history.state',
  'audit.list',
  'anchors.review',
  'settings.userName',
  'maps.list',
  'maps.get',
  // Map views are not in the undo history; dragging nodes saves often.
  'maps.update',
  'graph.entityDocuments',
  'graph.pairEvidence'
])

const mutationListeners = new Set<(method: Method) => void>()

/** Called after every successful call that may have changed the project. */
export function onMutation(listener: (method: Method) => void): () => void {
  mutationListeners.add(listener)
  return () => mutationListeners.delete(listener)
}

export function onAppEvent(listener: (e: AppEvent) => void): () => void {
  return bridge().onEvent(listener)
}

/** The path of a file dropped on the window, or '' when it has none. */
export function pathForFile(file: File): string {
  return bridge().pathForFile(file)
}
