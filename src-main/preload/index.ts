// The only bridge between the page and main: invoke a contract method (or a
// batch of them), and listen for app events. ipcRenderer itself is never
// exposed. The allow-list is the contract's own method list, written in by
// the build (electron.vite.config.ts): the sandboxed preload cannot load zod.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { BRIDGE_KEY, IPC_EVENT, IPC_INVOKE, IPC_INVOKE_BATCH, MAX_BATCH, type Bridge } from '../contract/bridge'
import type { AppEvent } from '../contract/events'

declare const __RWB_METHOD_NAMES__: string[]
const allowed = new Set<string>(__RWB_METHOD_NAMES__)
const refused = (method: unknown) => ({ ok: false as const, error: { code: 'BAD_METHOD' as const, message: `Unknown method ${String(method)}` } })

const bridge: Bridge = {
  invoke(method, args) {
    if (!allowed.has(method)) return Promise.resolve(refused(method))
    return ipcRenderer.invoke(IPC_INVOKE, method, args)
  },
  invokeBatch(calls) {
    if (!Array.isArray(calls) || calls.length > MAX_BATCH) return Promise.resolve([refused('batch')])
    const bad = calls.find((c) => !allowed.has(c.method))
    if (bad) return Promise.resolve(calls.map(() => refused(bad.method)))
    return ipcRenderer.invoke(IPC_INVOKE_BATCH, calls.map((c) => ({ method: c.method, args: c.args })))
  },
  onEvent(listener) {
    const wrapped = (_e: IpcRendererEvent, event: AppEvent) => listener(event)
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped)
  },
  // The page passes a DOM File (the contract only names its shape).
  pathForFile(file: File) {
    try {
      return webUtils.getPathForFile(file as File)
    } catch {
      return ''
    }
  }
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
