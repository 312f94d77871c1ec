// Validates a call at the boundary and runs its handler. Never throws: every
// outcome, including a malformed call, is an ApiResponse.
import { contract, isMethod, type ApiResponse, type Change, type Method } from '../../contract/api'
import { MAX_BATCH } from '../../contract/bridge'
import { isCoreError } from './errors'
import type { Handlers } from './handlers'

export async function dispatch(handlers: Handlers, method: unknown, rawArgs: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethod(method)) {
    // Never String() an unknown value: its toString may be missing or throw.
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method
    return { ok: false, error: { code: 'BAD_METHOD', message: `Unknown method ${name}` } }
  }
  let parsed
  try {
    parsed = contract[method].args.safeParse(rawArgs ?? {})
  } catch {
    // zod lets errors thrown by getters or proxies through: still a bad call.
    return { ok: false, error: { code: 'BAD_ARGS', message: `Invalid arguments for ${method}` } }
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, error: { code: 'BAD_ARGS', message: `Invalid arguments for ${method}: ${where}${issue?.message ?? 'invalid'}` } }
  }
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    return withChanges(method, value)
  } catch (e) {
    if (isCoreError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }
    console.error(`[rwb] ${method} failed`, e)
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  }
}

/** A mutation's answer names what it changed (its declaration says what, given the result). */
function withChanges(method: Method, value: unknown): ApiResponse<unknown> {
  const def = contract[method]
  if (def.kind !== 'mutation') return { ok: true, value }
  const changes = [...new Set<Change>((def.changes as (r: unknown) => readonly Change[])(value))]
  return changes.length ? { ok: true, value, changes } : { ok: true, value }
}

/**
 * Several calls in one round trip (the renderer's refreshes). They were
 * started together in the renderer, so no order between them is promised;
 * they start in order (the database worker answers in that order) and run
 * concurrently, as separate IPC calls would.
 */
export async function dispatchBatch(handlers: Handlers, calls: unknown): Promise<ApiResponse<unknown>[]> {
  if (!Array.isArray(calls) || calls.length > MAX_BATCH) {
    return [{ ok: false, error: { code: 'BAD_ARGS', message: `A batch is a list of at most ${MAX_BATCH} calls` } }]
  }
  return Promise.all(
    (calls as unknown[]).map((c) => {
      const call = (c ?? {}) as { method?: unknown; args?: unknown }
      return dispatch(handlers, call.method, call.args)
    })
  )
}
