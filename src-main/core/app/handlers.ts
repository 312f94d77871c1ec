// The handler table: one entry per contract method. Electron's ipcMain and
// the e2e harness both dispatch through this same table.
import type { Method, ParsedArgsOf, ResultOf } from '../../contract/api'
import type { AppCore } from './appCore'

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

export function createHandlers(app: AppCore): Handlers {
  const db = () => app.db()
  return {
    'app.bootstrap': () => app.bootstrap(),
    'project.info': () => app.info(),
    'project.new': () => app.newProjectDialog(),
    'project.open': () => app.openProjectDialog(),
    'project.openRecent': ({ path }) => app.openRecent(path),
    'project.saveAs': () => app.saveAsDialog(),
    'project.recent': async () => app.settings.get().recent,
    'project.saveState': async () => app.saveState(),
    'project.flush': () => db().save(),

    'documents.list': () => db().call('documents.list', undefined),
    'documents.get': (a) => db().call('documents.get', a),
    'documents.openFiles': () => app.openFilesDialog(),
    'documents.importFolder': () => app.importFolderDialog(),
    'documents.importDropped': ({ paths }) => app.importDropped(paths),
    'documents.updateMeta': (a) => db().call('documents.updateMeta', a),
    'import.cancel': async () => ({ cancelled: app.cancelImport() }),

    'entities.list': () => db().call('entities.list', undefined),
    'entities.create': (a) => db().call('entities.create', a),
    'entities.update': (a) => db().call('entities.update', a),
    'entities.delete': (a) => db().call('entities.delete', a),
    'entities.mentions': (a) => db().call('entities.mentions', a),

    'mentions.forDocument': (a) => db().call('mentions.forDocument', a),
    'mentions.create': (a) => db().call('mentions.create', a),
    'mentions.delete': (a) => db().call('mentions.delete', a),

    'relations.list': () => db().call('relations.list', undefined),
    'relations.create': (a) => db().call('relations.create', a),
    'relations.delete': (a) => db().call('relations.delete', a),

    'graph.coMentions': () => db().call('graph.coMentions', undefined),

    'export.savePng': ({ bytes, suggestedName }) => app.savePng(bytes, suggestedName)
  }
}
