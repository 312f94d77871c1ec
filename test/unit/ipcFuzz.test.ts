// Hostile IPC: thousands of random and malformed calls (fast-check) through
// dispatch() — the function ipcMain's handler runs — into a real AppCore over
// a temp project. Method names are random strings, look-alikes and every
// real method; arguments are wrong types, huge strings, deep nesting,
// prototype-pollution keys, typed arrays, NaN/Infinity, negative and huge
// ids, and plausible-but-wrong objects built from each method's own schema.
// Each value goes through structuredClone first, as Electron's IPC would
// carry it. Every call must resolve to an { ok } envelope (never throw,
// never INTERNAL), Object.prototype must stay clean, and afterwards the core
// must still answer and the project file must open and pass quick_check.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type ApiResponse, type ErrorCode, type Method } from '../../src-main/contract/api'
import type { AppEvent } from '../../src-main/contract/types'
import { AppCore } from '../../src-main/core/app/appCore'
import { dispatch } from '../../src-main/core/app/dispatch'
import { createHandlers, type Handlers } from '../../src-main/core/app/handlers'
import type { NativeHost } from '../../src-main/core/app/native'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { openProjectFile } from '../../src-main/core/db/projectFile'
import { pragmaValue } from '../../src-main/core/db/sqlite'
import { recordFigures } from '../reliability/figures'
import { SEEDS_DIR, tempDir } from '../support/tempDir'

/** Every dialog is cancelled: a fuzzed call must never wait for a person. */
class CancellingNative implements NativeHost {
  dialogs = 0
  events = 0
  async showOpenDialog(): Promise<string[]> {
    this.dialogs++
    return []
  }
  async showSaveDialog(): Promise<string | null> {
    this.dialogs++
    return null
  }
  emit(_event: AppEvent): void {
    this.events++
  }
}

const ERROR_CODES = new Set<ErrorCode>(['BAD_METHOD', 'BAD_ARGS', 'NOT_FOUND', 'CONFLICT', 'NO_PROJECT', 'IMPORT_FAILED', 'PROJECT_INVALID', 'IO', 'INTERNAL'])

function show(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) =>
      typeof x === 'bigint' ? `${x}n` : ArrayBuffer.isView(x) ? `<${x.constructor.name} ${x.byteLength} bytes>` : typeof x === 'string' && x.length > 80 ? `<string ${x.length}>` : x
    )
    return (s ?? String(v)).slice(0, 300)
  } catch {
    return '<unprintable>'
  }
}

/** Structural check of the envelope; returns a problem or null. */
function envelopeProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return 'not an object'
  const o = r as Record<string, unknown>
  if (o.ok === true) return 'value' in o && !('error' in o) ? null : 'ok envelope malformed'
  if (o.ok !== false) return 'ok is not a boolean'
  const e = o.error as Record<string, unknown> | undefined
  if (!e || typeof e !== 'object') return 'missing error'
  if (!ERROR_CODES.has(e.code as ErrorCode)) return `unknown code ${String(e.code)}`
  if (typeof e.message !== 'string' || !e.message) return 'empty message'
  if ('details' in e && (typeof e.details !== 'object' || e.details === null)) return 'details not an object'
  return null
}

// --- arbitraries -----------------------------------------------------------

const HUGE = 'A'.repeat(2_000_000)
const hugeString = fc.constantFrom(HUGE, HUGE.slice(0, 4097), 'x'.repeat(100_001), '\u0000'.repeat(10_000), '😀'.repeat(50_000))
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE entities; --",
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  '\\\\server\\share\\x.rwb',
  'file:///etc/passwd',
  '%s%n%x',
  'Person',
  'Company',
  'contract'
)
const anyString = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }, { weight: 3, arbitrary: nastyString }, { weight: 1, arbitrary: hugeString })
const nastyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 2, 3, -1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER, 1 << 30, (1 << 30) + 1, 0.5),
  fc.integer(),
  fc.double()
)
const typedArray = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    new Float64Array([NaN, Infinity]),
    new Int32Array([-1, 2 ** 31 - 1]),
    new BigInt64Array([-(2n ** 63n)]),
    new Uint16Array(3),
    new DataView(new ArrayBuffer(8)),
    new ArrayBuffer(16),
    new Uint8Array(1 << 20)
  )
)
/** Keys that pollute prototypes when code merges objects carelessly (JSON.parse makes __proto__ an own key). */
const pollution = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  () => JSON.parse('{"__proto__": {"polluted": "yes"}, "id": 1, "name": "x", "type": "Person"}'),
  () => JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "no", "valueOf": 1, "hasOwnProperty": null}'),
  () => ({ ['__proto__']: [] })
).map((f) => f())
const deep = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = { id: 1 }
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v }
  // fast-check prints counterexamples recursively: give it a short name instead
  // (a symbol-keyed property, which structured clone drops like IPC would)
  Object.defineProperty(v as object, fc.toStringMethod, { value: () => `<${arrays ? 'arrays' : 'objects'} nested ${depth} deep>` })
  return v
})
const leaf = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: typedArray },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom(new Map([['id', 1]]), new Set([1, 2]), /re/g, new Error('e')) }
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.oneof(anyString.map((s) => s.slice(0, 40)), fc.constantFrom('id', 'name', 'type', 'path', 'paths', '__proto__', 'constructor')), tie('value'), { maxKeys: 4 }) },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: deep }
  )
})).value

/** The keys a method's schema knows (from the contract), to build plausible-but-wrong objects. */
function keysOf(method: Method): string[] {
  let schema = contract[method].args as unknown as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } }
  // refine()d objects wrap the object schema
  for (let i = 0; i < 3 && !schema.shape; i++) schema = ((schema.def?.in ?? schema.def?.schema) as typeof schema) ?? schema
  return Object.keys(schema.shape ?? {})
}

const plausibleValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 8 }) },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: fc.array(anyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: typedArray },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true) },
  { weight: 1, arbitrary: pollution }
)

/** A sane value for a field, by its name, so that some calls get past the schema into the handler and the store. */
function saneFor(key: string): fc.Arbitrary<unknown> {
  if (/^(id|.*Id|.*Ids?)$/.test(key)) return key.endsWith('Ids') ? fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }) : fc.integer({ min: 1, max: 8 })
  if (key === 'start' || key === 'end' || key === 'limit' || key === 'offset') return fc.integer({ min: 0, max: 400 })
  if (key === 'paths') return fc.constant(['/nonexistent-rwb-fuzz/a.txt'])
  if (key === 'path') return fc.constantFrom('/nonexistent-rwb-fuzz/p.rwb', 'relative.rwb')
  if (key === 'type') return fc.constantFrom('Person', 'Company', 'Organisation', 'contract', 'Nonsense')
  if (key === 'bytes') return typedArray
  return fc.oneof(fc.constantFrom('Scale AI', 'x', 'Department of Defense', 'awarded contract to'), fc.string({ minLength: 1, maxLength: 12 }), fc.boolean())
}

function plausible(method: Method): fc.Arbitrary<unknown> {
  const keys = keysOf(method)
  const field = (k: string) =>
    fc.oneof({ weight: 7, arbitrary: saneFor(k) }, { weight: 3, arbitrary: plausibleValue }, { weight: 1, arbitrary: fc.constant(Symbol.for('drop')) })
  return fc
    .tuple(
      fc.tuple(...keys.map((k) => field(k).map((v) => [k, v] as const))),
      fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id'), hostileValue), { freq: 5 })
    )
    .map(([pairs, extra]) => {
      const o: Record<string, unknown> = {}
      // defineProperty, so "__proto__" becomes an own key as JSON.parse or structured clone would make it
      for (const [k, v] of pairs) if (v !== Symbol.for('drop')) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
      if (extra) Object.defineProperty(o, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true })
      return o
    })
}

const realMethod = fc.constantFrom(...METHOD_NAMES)
const methodName = fc.oneof(
  { weight: 8, arbitrary: realMethod },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'project.open\u0000', 'Project.Info', 'entities.list ', 'entities', '.', 'app.bootstrap.x', '💥')
  },
  { weight: 1, arbitrary: realMethod.map((m) => m.toUpperCase()) },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: fc.oneof(nastyNumber, fc.constantFrom(null, undefined, true, [], {}, ['entities.list']), typedArray) }
)

const hostileCall: fc.Arbitrary<[unknown, unknown]> = methodName.chain((m) => {
  const args =
    typeof m === 'string' && (METHOD_NAMES as readonly string[]).includes(m)
      ? fc.oneof({ weight: 5, arbitrary: plausible(m as Method) }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant({}) })
      : hostileValue
  return fc.tuple(fc.constant(m), args)
})

/**
 * Paths that exist on this machine are swapped for ones that do not: a
 * fuzzed `documents.importDropped(['/'])` would otherwise import the whole
 * disk (see the report: the renderer chooses those paths).
 */
function defuse(method: unknown, args: unknown): unknown {
  if (method !== 'documents.importDropped' || typeof args !== 'object' || args === null) return args
  const a = args as { paths?: unknown }
  if (Array.isArray(a.paths)) a.paths = a.paths.map((p) => (typeof p === 'string' && existsSync(p) ? `/nonexistent-rwb-fuzz/${p}` : p))
  return args
}

// --- the run ---------------------------------------------------------------

const RUNS = Number(process.env.RWB_FUZZ_RUNS ?? 3000)
let t: ReturnType<typeof tempDir>
let core: AppCore
let native: CancellingNative
let handlers: Handlers
const protoBefore = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  func: Object.getOwnPropertyNames(Function.prototype).sort()
}

beforeAll(async () => {
  t = tempDir('rwb-fuzz-')
  native = new CancellingNative()
  core = new AppCore({ dataDir: join(t.dir, 'data'), seedsDir: SEEDS_DIR, native, saveDelayMs: 60_000 })
  handlers = createHandlers(core)
  await core.bootstrap()
})
afterAll(async () => {
  await core.shutdown().catch(() => {})
  t.cleanup()
})

describe('hostile IPC through dispatch', () => {
  it(`${RUNS} random and malformed calls: always an envelope, never a throw, never INTERNAL; prototypes stay clean`, { timeout: 600_000 }, async () => {
    const codes = new Map<string, number>()
    const perMethod = new Map<string, number>()
    const problems: string[] = []
    let sent = 0
    let unsendable = 0
    let hugeArgs = 0

    await fc.assert(
      fc.asyncProperty(hostileCall, async ([method, rawArgs]) => {
        // Electron's IPC carries arguments by structured clone: so do we.
        let args: unknown
        try {
          args = structuredClone(rawArgs)
        } catch {
          unsendable++ // a value IPC could not carry never reaches main
          return
        }
        args = defuse(method, args)
        if (show(rawArgs).includes('<string ') || show(rawArgs).includes('1048576 bytes')) hugeArgs++
        let r: ApiResponse<unknown>
        try {
          r = await dispatch(handlers, method, args)
        } catch (e) {
          problems.push(`${show(method)} ${show(args)} THREW: ${(e as Error).stack ?? e}`)
          return
        }
        sent++
        const problem = envelopeProblem(r)
        if (problem) problems.push(`${show(method)} ${show(args)} → ${problem}: ${show(r)}`)
        const key = r.ok ? 'ok' : r.error.code
        codes.set(key, (codes.get(key) ?? 0) + 1)
        if (typeof method === 'string' && (METHOD_NAMES as readonly string[]).includes(method)) perMethod.set(method, (perMethod.get(method) ?? 0) + 1)
        if (!r.ok && r.error.code === 'INTERNAL') problems.push(`${show(method)} ${show(args)} → INTERNAL: ${r.error.message}`)
        // nothing may have polluted a prototype
        if (({} as Record<string, unknown>).polluted !== undefined) problems.push(`${show(method)} ${show(args)} polluted Object.prototype`)
      }),
      { numRuns: RUNS, endOnFailure: true }
    )

    const protoAfter = {
      object: Object.getOwnPropertyNames(Object.prototype).sort(),
      array: Object.getOwnPropertyNames(Array.prototype).sort(),
      func: Object.getOwnPropertyNames(Function.prototype).sort()
    }
    recordFigures('ipcFuzz', {
      generated: RUNS,
      requestsDispatched: sent,
      unsendableOverIpc: unsendable,
      hugeArguments: hugeArgs,
      methodsCovered: perMethod.size,
      realMethods: METHOD_NAMES.length,
      dialogsCancelled: native.dialogs,
      outcomes: Object.fromEntries([...codes].sort()),
      problems: problems.length
    })

    expect(problems.slice(0, 20)).toEqual([])
    expect(protoAfter).toEqual(protoBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(sent).toBeGreaterThan(RUNS * 0.9)
    // The fuzz reached every real method, the schemas and the store behind them.
    for (const m of METHOD_NAMES) expect(perMethod.get(m) ?? 0, m).toBeGreaterThan(0)
    expect(codes.get('BAD_ARGS') ?? 0).toBeGreaterThan(RUNS / 4)
    expect(codes.get('BAD_METHOD') ?? 0).toBeGreaterThan(RUNS / 50)
    expect(codes.get('ok') ?? 0).toBeGreaterThan(RUNS / 40)
  })

  it('afterwards the core still answers valid calls, and the project file opens and passes quick_check', async () => {
    const call = async <T,>(m: string, a: unknown = {}) => {
      const r = await dispatch(handlers, m, a)
      if (!r.ok) throw new Error(`${m} failed: ${r.error.code} ${r.error.message}`)
      return r.value as T
    }
    // The fuzz may have opened another project (bootstrap, openRecent): work with whatever is open.
    const info = await call<{ path: string }>('project.info')
    const e = await call<{ id: number; name: string }>('entities.create', { name: 'After the storm', type: 'Person' })
    expect(e.name).toBe('After the storm')
    expect((await call<{ id: number }[]>('entities.list')).some((x) => x.id === e.id)).toBe(true)
    await call('documents.list')
    expect(await core.db().save()).toMatchObject({ dirty: false, error: null })

    const db = await openProjectFile(info.path, new Date().toISOString())
    try {
      expect(String(pragmaValue(db, 'quick_check'))).toBe('ok')
      expect(String(pragmaValue(db, 'foreign_key_check') ?? 'none')).toBe('none')
    } finally {
      db.close()
    }
    await core.shutdown()
    const again = await ProjectDb.open(info.path)
    expect((await again.call('entities.list', undefined)).map((x) => x.name)).toContain('After the storm')
    await again.close()
    expect(readFileSync(info.path).length).toBeGreaterThan(0)
  })
})
