// Where the window's icon file is, per platform and per run mode. Kept free of
// `electron` so unit tests can load it; main.ts passes in app.isPackaged and the
// two paths.
//
// Linux needs the icon on the window (the window manager shows it; a 256 px
// PNG, since X11 receives it as raw pixels and 512 or 1024 would be 1–4 MB per
// window). Windows gets the .ico with every size, so title bar and taskbar pick
// a sharp one; the .exe carries the same icon from electron-builder. macOS
// takes the Dock icon from the .app's icon.icns, so nothing is set there.
// Packaged, electron-builder copies these files beside app.asar (the platform's
// extraResources in electron-builder.yml); in development they are read from
// resources/ in the repository, like seeds/.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface WindowIconWhere {
  platform: NodeJS.Platform
  isPackaged: boolean
  /** process.resourcesPath: the folder beside app.asar. */
  resourcesPath: string
  /** app.getAppPath(): the repository root when run unpackaged. */
  appPath: string
}

/** The icon file relative to the resources folder, or null where the OS takes it from the bundle. */
export function windowIconFile(platform: NodeJS.Platform): string | null {
  if (platform === 'darwin') return null
  return platform === 'win32' ? 'icon.ico' : join('icons', '256x256.png')
}

/** The absolute path for BrowserWindow's `icon`, or undefined (no icon rather than a broken one). */
export function windowIconPath(where: WindowIconWhere): string | undefined {
  const file = windowIconFile(where.platform)
  if (file == null) return undefined
  const path = where.isPackaged ? join(where.resourcesPath, file) : join(where.appPath, 'resources', file)
  return existsSync(path) ? path : undefined
}
