// The only bridge between the page and main: invoke a contract method, and
// listen for app events. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { BRIDGE_KEY, IPC_EVENT, IPC_INVOKE, METHOD_NAMES, type Bridge } from '../contract/methods'
import type { AppEvent } from '../contract/types'

const allowed = new Set<string>(METHOD_NAMES)

const bridge: Bridge = {
  invoke(method, args) {
    if (!allowed.has(method)) return Promise.resolve({ ok: false, error: { code: 'BAD_METHOD', message: `Unknown method ${String(method)}` } })
    return ipcRenderer.invoke(IPC_INVOKE, method, args)
  },
  onEvent(listener) {
    const wrapped = (_e: IpcRendererEvent, event: AppEvent) => listener(event)
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped)
  },
  // The page passes a DOM File (the contract only names its shape).
  pathForFile(file: File) {
    try {
      return webUtils.getPathForFile(file)
    } catch {
      return ''
    }
  }
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
