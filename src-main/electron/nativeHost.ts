// The NativeHost the core uses, backed by Electron's dialogs and window.
import { dialog, type BrowserWindow } from 'electron'
import { IPC_EVENT } from '../contract/methods'
import type { NativeHost } from '../core/app/native'

export function electronNativeHost(getWindow: () => BrowserWindow | null): NativeHost {
  return {
    async showOpenDialog({ title, filters, multiple, defaultPath, directory }) {
      const win = getWindow()
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = [directory ? 'openDirectory' : 'openFile']
      if (multiple) properties.push('multiSelections')
      const opts = { title, filters, defaultPath, properties }
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return res.canceled ? [] : res.filePaths
    },
    async showSaveDialog({ title, filters, defaultPath }) {
      const win = getWindow()
      const res = win ? await dialog.showSaveDialog(win, { title, filters, defaultPath }) : await dialog.showSaveDialog({ title, filters, defaultPath })
      return res.canceled || !res.filePath ? null : res.filePath
    },
    emit(event) {
      const win = getWindow()
      if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT, event)
    }
  }
}
