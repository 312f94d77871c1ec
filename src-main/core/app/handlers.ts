// The handler table: one entry per contract method. Methods that run in the
// database (`runs: 'db'`) are forwarded to the worker's operation of the same
// name, generated from the contract; the session's own methods are in
// appHandlers.ts. Electron's ipcMain and the e2e harness both dispatch
// through this same table.
import { contract, METHOD_NAMES, type AppMethod, type DbMethod, type Method, type ParsedArgsOf, type ResultOf } from '../../contract/api'
import type { AppCore } from './appCore'
import { createAppHandlers } from './appHandlers'

export type Handler<M extends Method> = (args: ParsedArgsOf<M>) => Promise<ResultOf<M>>
export type Handlers = { [M in Method]: Handler<M> }
export type AppHandlers = { [M in AppMethod]: Handler<M> }

export function createHandlers(app: AppCore): Handlers {
  const table: Record<string, (args: unknown) => Promise<unknown>> = { ...(createAppHandlers(app) as Record<string, (args: unknown) => Promise<unknown>>) }
  for (const method of METHOD_NAMES) {
    if (contract[method].runs !== 'db') continue
    const m = method as DbMethod
    table[m] = (args) => app.db().call(m, args as ParsedArgsOf<typeof m>)
  }
  return table as Handlers
}
