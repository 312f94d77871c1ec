// The contract methods the session implements itself (dialogs, files,
// projects, settings); everything else runs in the database worker. The
// table's type comes from the contract: a method declared with
// `runs: 'app'` and missing here is a type error.
import { reportDialog } from '../export/report/run'
import type { AppCore } from './appCore'
import { osDisplayName } from './osUser'
import type { AppHandlers } from './handlers'
import { reimportDocument } from './reimport'

export function createAppHandlers(app: AppCore): AppHandlers {
  return {
    'app.bootstrap': () => app.bootstrap(),
    'project.info': () => app.info(),
    'project.new': () => app.newProjectDialog(),
    'project.open': () => app.openProjectDialog(),
    'project.openRecent': ({ path }) => app.openRecent(path),
    'project.openBackup': ({ path }) => app.openBackup(path),
    'project.saveAs': () => app.saveAsDialog(),
    'project.exportOneFile': () => app.exportOneFileDialog(),
    'project.recent': async () => app.settings.get().recent,
    'project.saveState': async () => app.saveState(),
    // Before the user has chosen: the OS full name as a suggestion ('' rather than "root" or a placeholder).
    'settings.userName': async () => (app.settings.userNameChosen() ? { userName: app.settings.userName(), chosen: true } : { userName: osDisplayName(), chosen: false }),
    'settings.setUserName': async ({ userName }) => {
      app.settings.setUserName(userName)
      await app.syncUserName()
      return { userName: app.settings.userName(), chosen: true }
    },
    'settings.paneLayout': async () => app.settings.paneLayout((await app.info()).path),
    'settings.setPaneLayout': async (layout) => {
      app.settings.setPaneLayout((await app.info()).path, layout)
      return layout
    },
    'settings.readingPlace': async () => app.settings.readingPlace((await app.info()).path),
    'settings.setReadingPlace': async (place) => {
      app.settings.setReadingPlace((await app.info()).path, place)
      return place
    },
    'settings.theme': async () => ({ theme: app.settings.theme() }),
    'settings.setTheme': async ({ theme }) => {
      app.settings.setTheme(theme)
      return { theme }
    },

    'documents.openFiles': () => app.openFilesDialog(),
    'documents.importFolder': () => app.importFolderDialog(),
    'documents.importDropped': ({ paths }) => app.importDropped(paths),
    'import.cancel': async () => ({ cancelled: app.cancelImport() }),
    'documents.reimport': ({ id }) => reimportDocument(app.db(), id),

    'export.saveFile': ({ bytes, kind, suggestedName }) => app.saveFile(bytes, kind, suggestedName),
    'export.data': ({ format, coMentions }) => app.exportDataDialog(format, { coMentions }),
    'export.report': (a) => reportDialog(app.db(), app.native, app.settings.userName(), a),
    'annotations.import': () => app.importAnnotationsDialog(),
    'suggestions.forDocument': ({ documentId }) => app.suggestions.forDocument(app.db(), documentId)
  }
}
