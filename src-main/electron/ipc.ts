// Wires the handler table to ipcMain. Only the main frame of our own window,
// showing our own origin, may call; anything else is refused.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE, type ApiResponse } from '../contract/methods'
import { dispatch } from '../core/app/dispatch'
import type { Handlers } from '../core/app/handlers'
import { APP_ORIGIN } from './security'

function trustedSender(event: IpcMainInvokeEvent, windowId: () => number | null): boolean {
  const frame = event.senderFrame
  return !!frame && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`) && event.sender.id === windowId()
}

export function registerIpc(handlers: Handlers, windowId: () => number | null): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, args: unknown): Promise<ApiResponse<unknown>> => {
    if (!trustedSender(event, windowId)) {
      return { ok: false, error: { code: 'BAD_METHOD', message: 'Calls are accepted only from the app window.' } }
    }
    return dispatch(handlers, method, args)
  })
}
