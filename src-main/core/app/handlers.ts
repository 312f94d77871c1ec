// The handler table: one entry per contract method. Electron's ipcMain and
// the e2e harness both dispatch through this same table.
import type { Method, ParsedArgsOf, ResultOf } from '../../contract/api'
import type { AppCore } from './appCore'

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

export function createHandlers(app: AppCore): Handlers {
  const db = () => app.db()
  return {
    // --- tagging core ---
    'entityTypes.list': () => db().call('entityTypes.list', undefined),
    'entityTypes.create': (a) => db().call('entityTypes.create', a),
    'entityTypes.update': (a) => db().call('entityTypes.update', a),
    'aliases.list': (a) => db().call('aliases.list', a),
    'aliases.add': (a) => db().call('aliases.add', a),
    'aliases.remove': (a) => db().call('aliases.remove', a),
    'entities.merge': (a) => db().call('entities.merge', a),
    'entities.merges': (a) => db().call('entities.merges', a),
    'entities.split': (a) => db().call('entities.split', a),
    'entities.deletePreview': (a) => db().call('entities.deletePreview', a),
    'entities.tagAllCandidates': (a) => db().call('entities.tagAllCandidates', a),
    'entities.tagAllConfirm': (a) => db().call('entities.tagAllConfirm', a),
    'claims.create': (a) => db().call('claims.create', a),
    'claims.update': (a) => db().call('claims.update', a),
    'claims.delete': (a) => db().call('claims.delete', a),
    'claims.get': (a) => db().call('claims.get', a),
    'claims.list': (a) => db().call('claims.list', a),
    'claims.groups': (a) => db().call('claims.groups', a),
    'claims.predicates': (a) => db().call('claims.predicates', a),
    'claims.parseValue': (a) => db().call('claims.parseValue', a),
    'graph.claimEdges': () => db().call('graph.claimEdges', undefined),
    'history.state': () => db().call('history.state', undefined),
    'history.undo': () => db().call('history.undo', undefined),
    'history.redo': () => db().call('history.redo', undefined),
    'audit.list': (a) => db().call('audit.list', a),
    'anchors.review': (a) => db().call('anchors.review', a),
    'settings.userName': async () => ({ userName: app.settings.userName() }),
    'settings.setUserName': async ({ userName }) => {
      app.settings.setUserName(userName)
      await app.syncUserName()
      return { userName: app.settings.userName() }
    },
    'app.bootstrap': () => app.bootstrap(),
    'project.info': () => app.info(),
    'project.new': () => app.newProjectDialog(),
    'project.open': () => app.openProjectDialog(),
    'project.openRecent': ({ path }) => app.openRecent(path),
    'project.openBackup': ({ path }) => app.openBackup(path),
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


    'graph.coMentions': () => db().call('graph.coMentions', undefined),
    'search.query': (a) => db().call('search.query', a),

    'export.savePng': ({ bytes, suggestedName }) => app.savePng(bytes, suggestedName),
    'export.saveFile': ({ bytes, kind, suggestedName }) => app.saveFile(bytes, kind, suggestedName),
    'maps.list': () => db().call('maps.list', undefined),
    'maps.get': (a) => db().call('maps.get', a),
    'maps.create': (a) => db().call('maps.create', a),
    'maps.rename': (a) => db().call('maps.rename', a),
    'maps.delete': (a) => db().call('maps.delete', a),
    'maps.update': (a) => db().call('maps.update', a),
    'graph.entityDocuments': () => db().call('graph.entityDocuments', undefined),
    'graph.pairEvidence': (a) => db().call('graph.pairEvidence', a),
    'export.data': ({ format }) => app.exportDataDialog(format),
    'annotations.import': () => app.importAnnotationsDialog()
  }
}
