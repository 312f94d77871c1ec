// The commands the shell itself owns: projects, views, exports and imports
// of data, and Escape. They use store actions and the API only; the feature
// that owns a panel contributes its own commands through its index.ts.
import type { DataExportFormat } from '@contract/api'
import { always, type CommandImpl, type CommandImpls } from '../../commands'
import { call } from '../../api'
import { closeMapLayer, hasMapLayer } from '../../map'
import { useStore } from '../../store'
import type { AppState } from '../../store'
import { cyclePanes } from '../paneCycle'

/** Opens another project; the answer's 'session' change loads it (store/changes.ts). */
export async function switchProject(open: () => Promise<unknown>): Promise<void> {
  await useStore.getState().guard(open)
}

export async function exportData(format: DataExportFormat, coMentions = false): Promise<void> {
  const s = useStore.getState()
  const done = await s.guard(() => call('export.data', coMentions ? { format, coMentions } : { format }))
  if (done) s.notify('info', `Exported ${done.paths.length > 1 ? `${done.paths.length} files` : done.paths[0]}`)
}

export async function importAnnotations(): Promise<void> {
  const s = useStore.getState()
  const report = await s.guard(() => call('annotations.import'))
  if (!report) return
  const parts = [`${report.imported} mentions imported`]
  if (report.entitiesCreated) parts.push(`${report.entitiesCreated} new entities`)
  if (report.skippedDuplicates) parts.push(`${report.skippedDuplicates} already there`)
  if (report.claimsImported) parts.push(`${report.claimsImported} claims imported`)
  if (report.claimsSkippedDuplicates) parts.push(`${report.claimsSkippedDuplicates} claims already there`)
  if (report.relocated.length) parts.push(`${report.relocated.length} placed by their quote`)
  if (report.unresolved.length) parts.push(`${report.unresolved.length} could not be placed (${report.unresolved[0]!.reason})`)
  s.notify(report.unresolved.length ? 'error' : 'info', parts.join(', '))
}

async function saveAs(): Promise<void> {
  const s = useStore.getState()
  // The answer's change refreshes the project's name and the recent list.
  const info = await s.guard(() => call('project.saveAs'))
  if (info) s.notify('info', `Saved as ${info.path}`)
}

async function exportOneFile(): Promise<void> {
  const s = useStore.getState()
  const done = await s.guard(() => call('project.exportOneFile'))
  if (done) s.notify('info', `Exported as one file: ${done.path}. It holds every original, for another analyst to open.`)
}

/** What Escape would close on the map: a menu or panel over it, the evidence, then focus mode. */
const mapEscapable = (s: AppState) => s.view === 'map' && (hasMapLayer() || !!s.mapSelection || s.mapFocus)

function escapeMap(s: AppState): void {
  if (closeMapLayer()) return
  if (s.mapSelection) s.selectOnMap(null)
  else s.setMapFocus(false)
}

const dataExport = (format: DataExportFormat, coMentions = false): CommandImpl => ({ enabled: always, perform: () => exportData(format, coMentions) })

export const shellCommands: CommandImpls<
  | 'project.new'
  | 'project.open'
  | 'project.saveAs'
  | 'project.exportOneFile'
  | 'view.reader'
  | 'view.map'
  | 'view.claims'
  | 'view.toggleLibrary'
  | 'view.toggleEntities'
  | 'view.mapFocus'
  | 'view.nextPane'
  | 'view.previousPane'
  | 'view.appearance'
  | 'export.mapPng'
  | 'export.graphml'
  | 'export.gexf'
  | 'export.csv'
  | 'export.ftm'
  | 'export.w3c'
  | 'export.cyjs'
  | 'export.gexfCoMentions'
  | 'annotations.import'
  | 'escape'
> = {
  'project.new': { enabled: always, perform: () => switchProject(() => call('project.new')) },
  'project.open': { enabled: always, perform: () => switchProject(() => call('project.open')) },
  'project.saveAs': { enabled: always, perform: saveAs },
  'project.exportOneFile': { enabled: always, perform: exportOneFile },
  'view.reader': { enabled: always, perform: (s) => s.setView('reader') },
  'view.map': { enabled: always, perform: (s) => s.setView('map') },
  'view.claims': { enabled: always, perform: (s) => s.setView('claims') },
  // Showing or hiding a pane leaves focus mode, so the change is seen.
  'view.toggleLibrary': {
    enabled: always,
    perform: (s) => {
      s.setMapFocus(false)
      s.setPanes({ libraryCollapsed: !s.panes.libraryCollapsed })
    }
  },
  'view.toggleEntities': {
    enabled: always,
    perform: (s) => {
      s.setMapFocus(false)
      s.setPanes({ entitiesCollapsed: !s.panes.entitiesCollapsed })
    }
  },
  'view.mapFocus': {
    enabled: always,
    perform: (s) => {
      if (s.view !== 'map') s.setView('map')
      s.setMapFocus(s.view !== 'map' || !s.mapFocus)
    }
  },
  'view.nextPane': { enabled: (s) => !s.dialog, perform: () => void cyclePanes(1) },
  'view.previousPane': { enabled: (s) => !s.dialog, perform: () => void cyclePanes(-1) },
  'view.appearance': { enabled: always, perform: (s) => s.openDialog({ kind: 'appearance' }) },
  // Plain store actions (the dialog is the map feature's), so no need to reach into the map's module graph.
  'export.mapPng': {
    enabled: always,
    perform: (s) => {
      s.setView('map')
      s.openDialog({ kind: 'exportPng' })
    }
  },
  'export.graphml': dataExport('graphml'),
  'export.gexf': dataExport('gexf'),
  'export.csv': dataExport('csv'),
  'export.ftm': dataExport('ftm'),
  'export.w3c': dataExport('w3c'),
  'export.cyjs': dataExport('cyjs'),
  'export.gexfCoMentions': dataExport('gexf', true),
  'annotations.import': { enabled: always, perform: importAnnotations },
  // Enabled only when there is something to close, so otherwise Escape stays with whatever has the focus.
  escape: {
    enabled: (s) => !!s.dialog || s.findOpen || mapEscapable(s),
    perform: (s) => (s.dialog ? s.openDialog(null) : s.findOpen ? s.setFindOpen(false) : escapeMap(s))
  }
}
