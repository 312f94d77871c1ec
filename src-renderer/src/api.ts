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
  return res.value as ResultOf<M>
}

export function onAppEvent(listener: (e: AppEvent) => void): () => void {
  return bridge().onEvent(listener)
}

/** The path of a file dropped on the window, or '' when it has none. */
export function pathForFile(file: File): string {
  return bridge().pathForFile(file)
}
