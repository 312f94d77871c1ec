// App commands, shared by the toolbar, keyboard shortcuts and the native menu.
import type { MenuCommand } from '@contract/types'
import type { DataExportFormat } from '@contract/api'
import { call } from '../api'
import { runEditCommand, undoShortcut } from '../history'
import { useStore } from '../store'

type Command = MenuCommand | 'escape' | 'search.focus'

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
      // The answer's change refreshes the project's name and the recent list.
      const info = await s.guard(() => call('project.saveAs'))
      if (info) s.notify('info', `Saved as ${info.path}`)
      return
    }
    case 'export.graphml':
    case 'export.gexf':
    case 'export.csv':
    case 'export.ftm':
    case 'export.w3c':
    case 'export.cyjs':
      await exportData(command.slice('export.'.length) as DataExportFormat)
      return
    case 'annotations.import':
      await importAnnotations()
      return
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
    case 'view.claims':
      s.setView('claims')
      return
    case 'search.focus':
      s.focusSearch()
      return
    case 'reader.tag':
    case 'tag.selection':
      s.setView('reader')
      window.dispatchEvent(new Event('rwb:tag-selection'))
      return
    case 'edit.undo':
    case 'edit.redo':
      await runEditCommand(command)
      return
    case 'history.audit':
      s.openDialog({ kind: 'audit' })
      return
    case 'settings.userName':
      s.openDialog({ kind: 'userName' })
      return
    case 'entities.tagAll':
    case 'entities.merge':
    case 'entities.manageTypes':
      runPanelCommand(command)
      return
    case 'claims.new':
      // A claim starts from a passage selected in the reader (src-renderer/src/reader/Reader.tsx listens).
      if (s.view !== 'reader') s.notify('info', 'Select a passage in the reader first, then press C (or use New analyst judgement… in the Claims view).')
      else window.dispatchEvent(new Event('rwb:claim-selection'))
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

/**
 * Tag-menu commands whose panels other parts own: they listen for the
 * `rwb:command` window event (detail = the command). The entity dialogs that
 * already exist are opened here for the selected entity.
 */
function runPanelCommand(command: 'entities.tagAll' | 'entities.merge' | 'entities.manageTypes' | 'claims.new'): void {
  const s = useStore.getState()
  const entityId = s.selectedEntityId
  if (command === 'entities.manageTypes') s.openDialog({ kind: 'entityTypes' })
  else if (command === 'entities.tagAll' || command === 'entities.merge') {
    if (entityId === null) s.notify('info', 'Select an entity in the list first.')
    else s.openDialog({ kind: command === 'entities.tagAll' ? 'tagAll' : 'merge', entityId })
  }
  window.dispatchEvent(new CustomEvent('rwb:command', { detail: command }))
}

/** Opens another project; the answer's 'session' change loads it (store/changes.ts). */
export async function switchProject(open: () => Promise<unknown>): Promise<void> {
  await useStore.getState().guard(open)
}

/** Keyboard shortcuts (Ctrl on Windows/Linux, Cmd on macOS). */
export function shortcutFor(e: KeyboardEvent): Command | null {
  const mod = e.ctrlKey || e.metaKey
  const k = e.key.toLowerCase()
  if (e.key === 'Escape') return 'escape'
  if (!mod || e.altKey) return null
  // Undo/redo, except in text fields (there the browser's text undo applies).
  if (k === 'z' || k === 'y') return undoShortcut(e)
  if (e.shiftKey) {
    if (k === 'n') return 'project.new'
    if (k === 'o') return 'project.open'
    if (k === 's') return 'project.saveAs'
    if (k === 'i') return 'file.importFolder'
    if (k === 'f') return 'search.focus'
    return null
  }
  if (k === 'o') return 'file.open'
  if (k === 'f') return 'reader.find'
  if (k === 'e') return 'export.mapPng'
  if (k === '1') return 'view.reader'
  if (k === '2') return 'view.map'
  if (k === '3') return 'view.claims'
  return null
}

export async function exportData(format: DataExportFormat): Promise<void> {
  const s = useStore.getState()
  const done = await s.guard(() => call('export.data', { format }))
  if (done) s.notify('info', `Exported ${done.paths.length > 1 ? `${done.paths.length} files` : done.paths[0]}`)
}

export async function importAnnotations(): Promise<void> {
  const s = useStore.getState()
  const report = await s.guard(() => call('annotations.import'))
  if (!report) return
  const parts = [`${report.imported} mentions imported`]
  if (report.entitiesCreated) parts.push(`${report.entitiesCreated} new entities`)
  if (report.skippedDuplicates) parts.push(`${report.skippedDuplicates} already there`)
  if (report.relocated.length) parts.push(`${report.relocated.length} placed by their quote`)
  if (report.unresolved.length) parts.push(`${report.unresolved.length} could not be placed (${report.unresolved[0]!.reason})`)
  s.notify(report.unresolved.length ? 'error' : 'info', parts.join(', '))
}
