// The native menu: each item sends a command to the renderer, which runs the
// same action as its toolbar button and keyboard shortcut.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { RecentProject } from '../contract/api'
import type { MenuCommand } from '../contract/types'

export function buildMenu(send: (c: MenuCommand) => void, recent: RecentProject[], openRecent: (path: string) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(send, recent, openRecent))
}

/** The menu as data (tested without Electron). */
export function menuTemplate(
  send: (c: MenuCommand) => void,
  recent: RecentProject[],
  openRecent: (path: string) => void,
  platform: NodeJS.Platform = process.platform
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Articles…', accelerator: 'CmdOrCtrl+O', click: () => send('file.open') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => send('file.importFolder') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Project',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('project.new') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('project.open') },
        {
          label: 'Open Recent',
          submenu: recent.length ? recent.map((r) => ({ label: `${r.name} — ${r.path}`, click: () => openRecent(r.path) })) : [{ label: 'No recent projects', enabled: false }]
        },
        { type: 'separator' },
        { label: 'Save Project As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('project.saveAs') },
        { type: 'separator' },
        { label: 'Activity Log…', click: () => send('history.audit') },
        { label: 'Your Name…', click: () => send('settings.userName') }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/Redo go to the renderer, which undoes typing in a text field
        // and the last tagging action anywhere else. Off macOS the page
        // handles the keys itself (so the accelerators are only shown); on
        // macOS key equivalents reach text fields only through the menu.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: isMac, click: () => send('edit.undo') },
        {
          label: 'Redo',
          accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z',
          registerAccelerator: isMac,
          click: () => send('edit.redo')
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Document…', accelerator: 'CmdOrCtrl+F', click: () => send('reader.find') }
      ]
    },
    {
      label: '&Tag',
      submenu: [
        { label: 'Tag Selection…', accelerator: 'T', registerAccelerator: false, click: () => send('tag.selection') },
        { label: 'New Claim from Selection…', accelerator: 'C', registerAccelerator: false, click: () => send('claims.new') },
        { label: 'Tag All Mentions…', click: () => send('entities.tagAll') },
        { type: 'separator' },
        { label: 'Merge Entity Into…', click: () => send('entities.merge') },
        { label: 'Manage Entity Types…', click: () => send('entities.manageTypes') }
      ]
    },
    {
      label: '&View',
      submenu: [
        { label: 'Reader', accelerator: 'CmdOrCtrl+1', click: () => send('view.reader') },
        { label: 'Map', accelerator: 'CmdOrCtrl+2', click: () => send('view.map') },
        { label: 'Claims', accelerator: 'CmdOrCtrl+3', click: () => send('view.claims') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: '&Export',
      submenu: [
        { label: 'Map Image…', accelerator: 'CmdOrCtrl+E', click: () => send('export.mapPng') },
        { type: 'separator' },
        { label: 'GraphML…', click: () => send('export.graphml') },
        { label: 'GEXF…', click: () => send('export.gexf') },
        { label: 'CSV Tables…', click: () => send('export.csv') },
        { label: 'FollowTheMoney JSON…', click: () => send('export.ftm') },
        { label: 'W3C Web Annotations…', click: () => send('export.w3c') },
        { label: 'Cytoscape JSON…', click: () => send('export.cyjs') },
        { type: 'separator' },
        { label: 'Import W3C Annotations…', click: () => send('annotations.import') }
      ]
    }
  ]
}
