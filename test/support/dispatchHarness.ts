// What the dispatch tests (dispatch.*.test.ts) share: dispatch() over the real
// handler table and a fresh AppCore per test (temp data folder, real DB worker,
// scripted NativeHost), and the check that every answer is an ApiResponse envelope.
import { join } from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import type { ApiResponse, ErrorCode } from '../../src-main/contract/api'
import { AppCore } from '../../src-main/core/app/appCore'
import { dispatch } from '../../src-main/core/app/dispatch'
import { createHandlers, type Handlers } from '../../src-main/core/app/handlers'
import { ScriptedNative } from './scriptedNative'
import { SEEDS_DIR, tempDir } from './tempDir'

const ERROR_CODES = new Set<ErrorCode>([
  'BAD_METHOD',
  'BAD_ARGS',
  'NOT_FOUND',
  'CONFLICT',
  'NO_PROJECT',
  'IMPORT_FAILED',
  'PROJECT_INVALID',
  'IO',
  'INTERNAL'
])

/** Structural check of the envelope: exactly one of the two shapes. */
export function assertEnvelope(r: unknown, context: string): asserts r is ApiResponse<unknown> {
  const fail = (why: string) => {
    throw new Error(`${context}: not an ApiResponse (${why}): ${safeShow(r)}`)
  }
  if (typeof r !== 'object' || r === null) return fail('not an object')
  const o = r as Record<string, unknown>
  if (o.ok === true) {
    if (!('value' in o)) fail('ok without value')
    if ('error' in o) fail('ok with error')
    return
  }
  if (o.ok !== false) return fail('ok is not a boolean')
  const e = o.error as Record<string, unknown> | undefined
  if (!e || typeof e !== 'object') return fail('missing error')
  if (!ERROR_CODES.has(e.code as ErrorCode)) fail(`unknown code ${String(e.code)}`)
  if (typeof e.message !== 'string' || e.message.length === 0) fail('empty message')
}

export function safeShow(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? `<${x.length} bytes>` : x))
    return (s ?? String(v)).slice(0, 300)
  } catch {
    return '<unprintable>'
  }
}

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

export let t: ReturnType<typeof tempDir>
export let native: ScriptedNative
export let core: AppCore
export let handlers: Handlers
export const call = (method: unknown, args?: unknown) => dispatch(handlers, method, args)

export const nameOf = (method: unknown) => (typeof method === 'string' ? method : typeof method)

export async function expectError(method: unknown, args: unknown, code: ErrorCode, message?: RegExp): Promise<string> {
  const r = await call(method, args)
  assertEnvelope(r, nameOf(method))
  if (r.ok) throw new Error(`${nameOf(method)} ${safeShow(args)} succeeded, expected ${code}: ${safeShow(r.value)}`)
  expect(r.error.code, `${nameOf(method)} ${safeShow(args)} → ${r.error.message}`).toBe(code)
  if (message) expect(r.error.message).toMatch(message)
  return r.error.message
}

export async function expectOk<T = unknown>(method: unknown, args?: unknown): Promise<T> {
  const r = await call(method, args)
  assertEnvelope(r, String(method))
  if (!r.ok) throw new Error(`${String(method)} ${safeShow(args)} failed: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

/** Registers the file's beforeEach (a fresh temp folder and AppCore, its handler table) and afterEach (shut down, folder removed). */
export function useDispatchHarness(): void {
  beforeEach(() => {
    t = tempDir()
    native = new ScriptedNative()
    core = new AppCore({ dataDir: join(t.dir, 'data'), seedsDir: SEEDS_DIR, native, saveDelayMs: 60_000 })
    handlers = createHandlers(core)
  })

  afterEach(async () => {
    await core.shutdown().catch(() => {})
    t.cleanup()
  })
}
