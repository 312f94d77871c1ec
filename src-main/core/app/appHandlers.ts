// The contract methods the session implements itself (dialogs, files,
// projects, settings); everything else runs in the database worker. The
// table's type comes from the contract: a method declared with
// `runs: 'app'` and missing here is a type error.
import type { AppCore } from './appCore'
import type { AppHandlers } from './handlers'

export function createAppHandlers(app: AppCore): AppHandlers {
  return {
    'app.bootstrap': () => app.bootstrap(),
    'project.info': () => app.info(),
    'project.new': () => app.newProjectDialog(),
    'project.open': () => app.openProjectDialog(),
    'project.openRecent': ({ path }) => app.openRecent(path),
    'project.openBackup': ({ path }) => app.openBackup(path),
    'project.saveAs': () => app.saveAsDialog(),
    'project.recent': async () => app.settings.get().recent,
    'project.saveState': async () => app.saveState(),
    'settings.userName': async () => ({ userName: app.settings.userName() }),
    'settings.setUserName': async ({ userName }) => {
      app.settings.setUserName(userName)
      await app.syncUserName()
      return { userName: app.settings.userName() }
    },

    'documents.openFiles': () => app.openFilesDialog(),
    'documents.importFolder': () => app.importFolderDialog(),
    'documents.importDropped': ({ paths }) => app.importDropped(paths),
    'import.cancel': async () => ({ cancelled: app.cancelImport() }),

    'export.saveFile': ({ bytes, kind, suggestedName }) => app.saveFile(bytes, kind, suggestedName),
    'export.data': ({ format, coMentions }) => app.exportDataDialog(format, { coMentions }),
    'annotations.import': () => app.importAnnotationsDialog()
  }
}
