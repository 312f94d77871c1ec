// Validates a call at the boundary and runs its handler. Never throws: every
// outcome, including a malformed call, is an ApiResponse.
import { contract, isMethod, type ApiResponse } from '../../contract/api'
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
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (isCoreError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }
    console.error(`[rwb] ${method} failed`, e)
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  }
}
