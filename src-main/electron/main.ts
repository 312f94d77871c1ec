// The Electron shell: one window, the app:// protocol, hardening, IPC and
// menus. Everything else is the Electron-free core.
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppCore } from '../core/app/appCore'
import { createHandlers } from '../core/app/handlers'
import { registerSchemeAsPrivileged, serveRenderer } from './appProtocol'
import { registerIpc } from './ipc'
import { buildMenu } from './menu'
import { electronNativeHost } from './nativeHost'
import { APP_ORIGIN, hardenSession, installGlobalGuards } from './security'
import { HARDENED_WEB_PREFERENCES } from './webPreferences'
import { windowIconPath } from './windowIcon'

const here = dirname(fileURLToPath(import.meta.url))
let win: BrowserWindow | null = null

// Tests (and cautious users) can keep the app's data in a folder of their choosing.
if (process.env.RWB_USER_DATA) app.setPath('userData', process.env.RWB_USER_DATA)

app.enableSandbox()
registerSchemeAsPrivileged()
installGlobalGuards()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  void app.whenReady().then(start)
}

const core = new AppCore({
  dataDir: app.getPath('userData'),
  seedsDir: app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds'),
  native: electronNativeHost(() => win)
})

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(
      (command) => core.native.emit({ kind: 'menu', command }),
      core.settings.get().recent,
      (path) => void core.openRecent(path).then(refreshMenu, (e: Error) => dialog.showErrorBox('Cannot open project', e.message))
    )
  )
}

async function start(): Promise<void> {
  hardenSession()
  serveRenderer(join(here, '../renderer'))
  registerIpc(createHandlers(core), () => win?.webContents.id ?? null)
  const originalEmit = core.native.emit
  core.native.emit = (event) => {
    originalEmit(event)
    if (event.kind === 'project') refreshMenu()
  }
  refreshMenu()

  win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Research Workbench',
    backgroundColor: '#f7f7f5',
    icon: windowIconPath({ platform: process.platform, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    show: false,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') }
  })
  win.once('ready-to-show', () => win?.show())
  win.on('closed', () => (win = null))
  await win.loadURL(`${APP_ORIGIN}/index.html`)
}

// Flush pending edits before quitting; a failed final save keeps the app open.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting) return
  event.preventDefault()
  core.shutdown().then(
    () => {
      quitting = true
      app.quit()
    },
    (e: Error) => {
      dialog.showErrorBox('Could not save before quitting', `${e.message}\n\nThe app stays open so nothing is lost.`)
    }
  )
})

app.on('window-all-closed', () => app.quit())
