// Validates a call at the boundary and runs its handler. Never throws: every
// outcome, including a malformed call, is an ApiResponse.
import { contract, isMethod, type ApiResponse } from '../../contract/api'
import { isCoreError } from './errors'
import type { Handlers } from './handlers'

export async function dispatch(handlers: Handlers, method: unknown, rawArgs: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'BAD_METHOD', message: `Unknown method ${String(method).slice(0, 80)}` } }
  const parsed = contract[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, error: { code: 'BAD_ARGS', message: `Invalid arguments for ${method}: ${where}${issue?.message ?? 'invalid'}` } }
  }
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (isCoreError(e)) return { ok: false, error: { code: e.code, message: e.message } }
    console.error(`[rwb] ${method} failed`, e)
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  }
}
