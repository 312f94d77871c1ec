// The renderer's typed client for the contract. The bridge on window.rwb is
// supplied by the preload in Electron and by the harness in e2e tests.
//
// Two things happen here so that no view has to think about them:
// - A mutation's answer names the kinds of data it changed; `call` hands
//   them to the change listener (the store, see store/changes.ts) and
//   resolves only once the store has refreshed, so `await call(...)` means
//   "done and shown".
// - The reads a change triggers travel together in one batch (one IPC round
//   trip). Only those: batching every call of a tick would make a quick read
//   (opening a document) wait for a slow one started beside it (the anchor
//   review), measured +110 ms on the reader bench's open.
import type { ArgsOf, ResultOf } from '@contract/api'
import { BRIDGE_KEY, MAX_BATCH, type ApiResponse, type Bridge, type Change, type ErrorCode, type Method } from '@contract/api'
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

type Pending = { method: Method; args: unknown; resolve: (r: ApiResponse<unknown>) => void; reject: (e: unknown) => void }
let queue: Pending[] = []

function flush(): void {
  const calls = queue.splice(0, MAX_BATCH)
  if (queue.length) queueMicrotask(flush)
  if (calls.length === 1) {
    const c = calls[0]!
    bridge().invoke(c.method, c.args).then(c.resolve, c.reject)
    return
  }
  bridge()
    .invokeBatch(calls.map((c) => ({ method: c.method, args: c.args })))
    .then(
      (answers) => calls.forEach((c, i) => c.resolve(answers[i] ?? { ok: false, error: { code: 'INTERNAL', message: 'No answer in the batch' } })),
      (e: unknown) => calls.forEach((c) => c.reject(e))
    )
}

let batching = 0

/** Runs `start`, batching the calls it makes synchronously (the store's refreshers). */
export function inOneBatch<T>(start: () => T): T {
  batching++
  try {
    return start()
  } finally {
    batching--
  }
}

function send(method: Method, args: unknown): Promise<ApiResponse<unknown>> {
  if (!batching) return bridge().invoke(method, args)
  return new Promise((resolve, reject) => {
    if (queue.push({ method, args, resolve, reject }) === 1) queueMicrotask(flush)
  })
}

/** A mutation's own answer, handed to the change listener with the kinds it changed. */
export interface Answer {
  method: Method
  args: unknown
  value: unknown
}

type ChangeListener = (changes: Change[], answer: Answer) => Promise<void>
let changeListener: ChangeListener | null = null

/** The store registers here: it refreshes what each kind of change touches. */
export function onChanges(listener: ChangeListener): () => void {
  changeListener = listener
  return () => {
    if (changeListener === listener) changeListener = null
  }
}

export async function call<M extends Method>(method: M, ...args: {} extends ArgsOf<M> ? [args?: ArgsOf<M>] : [args: ArgsOf<M>]): Promise<ResultOf<M>> {
  const res = await send(method, args[0] ?? {})
  if (!res.ok) throw new ApiCallError(res.error.code, res.error.message, res.error.details)
  if (res.changes?.length && changeListener) await changeListener(res.changes, { method, args: args[0] ?? {}, value: res.value })
  return res.value as ResultOf<M>
}

/**
 * A background review a view starts after a change or on opening a document
 * (the anchor review, the entity suggestions): those of one render pass share
 * one round trip. They are the slow reads, so batching them together makes no
 * quick read wait; a tag stays at three trips (the mutation, its reads, the reviews).
 */
export function reviewCall<M extends Method>(method: M, ...args: {} extends ArgsOf<M> ? [args?: ArgsOf<M>] : [args: ArgsOf<M>]): Promise<ResultOf<M>> {
  return inOneBatch(() => call(method, ...args))
}

export function onAppEvent(listener: (e: AppEvent) => void): () => void {
  return bridge().onEvent(listener)
}

/** The path of a file dropped on the window, or '' when it has none. */
export function pathForFile(file: File): string {
  return bridge().pathForFile(file)
}
