// Wires the handler table to ipcMain. Only the main frame of our own window,
// showing our own origin, may call; anything else is refused.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE, IPC_INVOKE_BATCH, type ApiResponse } from '../contract/bridge'
import { dispatch, dispatchBatch } from '../core/app/dispatch'
import type { Handlers } from '../core/app/handlers'
import { isTrustedCaller } from './ipcGuard'
import { APP_ORIGIN } from './security'

function trustedSender(event: IpcMainInvokeEvent, windowId: () => number | null): boolean {
  const frame = event.senderFrame
  return isTrustedCaller(
    frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame, fromAppWindow: event.sender.id === windowId() } : null,
    APP_ORIGIN
  )
}

export function registerIpc(handlers: Handlers, windowId: () => number | null): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, args: unknown): Promise<ApiResponse<unknown>> => {
    if (!trustedSender(event, windowId)) {
      return { ok: false, error: { code: 'BAD_METHOD', message: 'Calls are accepted only from the app window.' } }
    }
    return dispatch(handlers, method, args)
  })
  ipcMain.handle(IPC_INVOKE_BATCH, async (event, calls: unknown): Promise<ApiResponse<unknown>[]> => {
    if (!trustedSender(event, windowId)) {
      return [{ ok: false, error: { code: 'BAD_METHOD', message: 'Calls are accepted only from the app window.' } }]
    }
    return dispatchBatch(handlers, calls)
  })
}
