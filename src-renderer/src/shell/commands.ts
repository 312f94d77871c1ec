// App commands, shared by the toolbar, keyboard shortcuts and the native menu.
import type { MenuCommand } from '@contract/types'
import { call } from '../api'
import { useStore } from '../store'

type Command = MenuCommand | 'escape'

export async function runCommand(command: Command): Promise<void> {
  const s = useStore.getState()
  switch (command) {
    case 'file.open':
      await s.guard(s.openFiles)
      return
    case 'file.importFolder':
      await s.guard(s.importFolder)
      return
    case 'project.new':
      await switchProject(() => call('project.new'))
      return
    case 'project.open':
      await switchProject(() => call('project.open'))
      return
    case 'project.saveAs': {
      const info = await s.guard(() => call('project.saveAs'))
      if (info) {
        useStore.setState({ project: info })
        s.notify('info', `Saved as ${info.path}`)
        void s.refreshRecent()
      }
      return
    }
    case 'export.mapPng':
      s.setView('map')
      s.openDialog({ kind: 'exportPng' })
      return
    case 'view.reader':
      s.setView('reader')
      return
    case 'view.map':
      s.setView('map')
      return
    case 'reader.find':
      s.setView('reader')
      s.setFindOpen(true)
      return
    case 'escape':
      if (s.dialog) s.openDialog(null)
      else if (s.findOpen) s.setFindOpen(false)
      return
  }
}

export async function switchProject(open: () => Promise<unknown>): Promise<void> {
  const s = useStore.getState()
  const info = await s.guard(open)
  if (info) await s.guard(s.loadProject)
}

/** Keyboard shortcuts (Ctrl on Windows/Linux, Cmd on macOS). */
export function shortcutFor(e: KeyboardEvent): Command | null {
  const mod = e.ctrlKey || e.metaKey
  const k = e.key.toLowerCase()
  if (e.key === 'Escape') return 'escape'
  if (!mod || e.altKey) return null
  if (e.shiftKey) {
    if (k === 'n') return 'project.new'
    if (k === 'o') return 'project.open'
    if (k === 's') return 'project.saveAs'
    if (k === 'i') return 'file.importFolder'
    return null
  }
  if (k === 'o') return 'file.open'
  if (k === 'f') return 'reader.find'
  if (k === 'e') return 'export.mapPng'
  if (k === '1') return 'view.reader'
  if (k === '2') return 'view.map'
  return null
}
