// The API boundary under fuzzing: random and malformed calls through dispatch()
// over the real handler table and a real AppCore never throw, reject or break
// the core; every answer is an ApiResponse envelope, never INTERNAL.
import { describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type Method } from '../../src-main/contract/api'
import { dispatch } from '../../src-main/core/app/dispatch'
import { assertEnvelope, core, expectOk, handlers, PNG, safeShow, useDispatchHarness } from '../support/dispatchHarness'
import { rng } from '../support/rng'

useDispatchHarness()

const FIELD_NAMES = ['id', 'name', 'type', 'notes', 'path', 'documentId', 'entityId', 'start', 'end', 'sourceId', 'targetId', 'label', 'bytes', 'suggestedName']
const GARBAGE_METHODS: unknown[] = ['', ' ', 'documents', 'documents.', '.list', 'DOCUMENTS.LIST', 'constructor', '__proto__', 'toString', 'valueOf', 'project.open\u0000', 'entities.list\n', '💥', null, undefined, 0, -1, NaN, true, [], {}, ['entities.list']]
const STRINGS = ['', ' ', 'a', 'Scale AI', '\u0000', '\ud800', '😀', 'İ', '<script>alert(1)</script>', "'; DROP TABLE entities; --", '../../etc/passwd', 'contract', 'Person']

function generator(seed: number) {
  const r = rng(seed)
  const int = (n: number) => Math.floor(r() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!

  const number = (): number =>
    pick([() => int(6), () => int(6) + 1, () => -int(1000), () => r() * 10, () => NaN, () => Infinity, () => -Infinity, () => -0, () => 2 ** 53, () => Number.MAX_SAFE_INTEGER, () => 1 << 30, () => Number.MIN_VALUE])()
  const string = (): string =>
    pick([
      () => pick(STRINGS),
      () => pick(STRINGS).repeat(1 + int(50)),
      () => 'x'.repeat(pick([499, 500, 501, 4096, 4097, 100_000, 100_001, 300_000])),
      () => String.fromCharCode(...Array.from({ length: int(40) }, () => int(0x10000)))
    ])()

  const value = (depth: number): unknown => {
    const leaves = [() => null, () => undefined, () => r() < 0.5, number, string, () => new Uint8Array(int(40)), () => BigInt(int(100))]
    if (depth <= 0) return pick(leaves)()
    return pick([...leaves, () => Array.from({ length: int(4) }, () => value(depth - 1)), () => object(depth - 1)])()
  }
  const object = (depth: number): Record<string, unknown> => {
    // JSON.parse makes "__proto__" an own key, as a structured-cloned IPC message could
    const o: Record<string, unknown> = r() < 0.05 ? JSON.parse('{"__proto__": {"polluted": 1}}') : {}
    const n = int(5)
    for (let i = 0; i < n; i++) o[r() < 0.8 ? pick(FIELD_NAMES) : string().slice(0, 40)] = value(depth)
    return o
  }
  /** Arguments shaped like the method's real ones (keys read from the contract), so handlers get exercised too. */
  const plausible = (method: Method): Record<string, unknown> => {
    const shape = (contract[method].args as unknown as { shape?: Record<string, unknown> }).shape ?? {}
    const o: Record<string, unknown> = {}
    for (const f of Object.keys(shape)) {
      if (r() < 0.05) continue // occasionally drop a key
      if (f === 'bytes') o[f] = r() < 0.6 ? PNG : new Uint8Array(9 + int(100))
      else if (f === 'start' || f === 'end') o[f] = int(300)
      else if (f === 'limit') o[f] = int(250)
      else if (/^id$|Id$/.test(f)) o[f] = 1 + int(6)
      else if (f === 'type') o[f] = pick(['Person', 'Company', 'contract', 'other', 'Nonsense'])
      else if (f === 'path') o[f] = pick(['/nowhere.rwb', 'relative.rwb', '\\server\\share.rwb'])
      else o[f] = pick(STRINGS.filter((x) => x.trim()))
    }
    if (r() < 0.05) o[pick(FIELD_NAMES)] = value(1) // occasionally add or clobber one
    return o
  }

  return {
    call: (): [unknown, unknown] => {
      if (r() < 0.2) return [r() < 0.5 ? pick(GARBAGE_METHODS) : string().slice(0, 200), value(2)]
      const method = pick(METHOD_NAMES)
      const k = r()
      return [method, k < 0.6 ? plausible(method) : k < 0.85 ? object(2) : value(3)]
    }
  }
}

async function fuzz(seed: number, calls: number): Promise<{ codes: Map<string, number>; internal: string[] }> {
  const g = generator(seed)
  const codes = new Map<string, number>()
  const internal: string[] = []
  for (let i = 0; i < calls; i++) {
    const [method, args] = g.call()
    const context = `seed ${seed} call #${i}: ${safeShow(method)} ${safeShow(args)}`
    let r: unknown
    try {
      r = await dispatch(handlers, method, args)
    } catch (e) {
      throw new Error(`${context} threw/rejected: ${(e as Error).stack ?? String(e)}`)
    }
    assertEnvelope(r, context)
    const key = r.ok ? 'ok' : r.error.code
    codes.set(key, (codes.get(key) ?? 0) + 1)
    if (!r.ok && r.error.code === 'INTERNAL') internal.push(`${context} → ${r.error.message}`)
  }
  return { codes, internal }
}

describe('fuzz', () => {
  it('a few hundred random calls before and after bootstrap all resolve to ApiResponses; the core still works', async () => {
    // Before any project is open (app.bootstrap may be drawn and open one).
    const before = await fuzz(0xc0ffee, 120)
    await expectOk('app.bootstrap')
    const after = await fuzz(0xbadf00d, 400)
    const codes = new Map(after.codes)
    for (const [k, v] of before.codes) codes.set(k, (codes.get(k) ?? 0) + v)

    // The fuzz reached the schema, the handlers and the store.
    expect(codes.get('BAD_ARGS') ?? 0).toBeGreaterThan(50)
    expect(codes.get('BAD_METHOD') ?? 0).toBeGreaterThan(10)
    expect(before.codes.get('NO_PROJECT') ?? 0).toBeGreaterThan(0)
    expect(codes.get('NOT_FOUND') ?? 0).toBeGreaterThan(5)
    expect(codes.get('ok') ?? 0).toBeGreaterThan(100)
    // Arbitrary input is a caller error, never an internal failure.
    expect([...before.internal, ...after.internal]).toEqual([])

    // And the core still answers valid calls afterwards.
    const e = await expectOk<{ id: number; name: string }>('entities.create', { name: 'After the storm', type: 'Event' })
    expect(e.name).toBe('After the storm')
    const list = await expectOk<{ id: number }[]>('entities.list')
    expect(list.some((x) => x.id === e.id)).toBe(true)
    expect((await expectOk<{ title: string }[]>('documents.list')).length).toBeGreaterThanOrEqual(1)
    const saved = await core.db().save()
    expect(saved).toMatchObject({ dirty: false, error: null })
    await expectOk('project.info')
  })

  it.each([1, 2, 3])('seed %i: only known method names and garbage, no exceptions', async (seed) => {
    await expectOk('app.bootstrap')
    const { internal } = await fuzz(seed * 7919, 150)
    expect(internal).toEqual([])
    expect(await expectOk('project.recent')).toBeInstanceOf(Array)
    await expectOk('documents.list')
  })
})
