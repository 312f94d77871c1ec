// The operations the database worker runs, by name. `contractOps` implements
// every contract method that runs in the database (`runs: 'db'`, see
// src-main/contract/): its type is derived from the contract, so a method
// declared there without an implementation here — or with other argument or
// result types — is a type error. `internalOps` are what the core itself
// needs (imports, exports, the CLI) and the renderer can never call.
// A mutation (by its declaration) is one undoable, audited action and
// schedules an autosave (worker.ts).
import { contract, type DbMethod, type ParsedArgsOf, type ResultOf } from '../../contract/api'
import type { Database } from './sqlite'
import { countDocuments, documentDetails, documentOriginal, findBySha, getDocument, insertDocument, listDocuments, updateDocumentMeta, type NewDocument } from './repos/documents'
import { createEntity, deleteEntity, listEntities, updateEntity } from './repos/entities'
import { createMention, deleteMention, mentionsForDocument, mentionsOfEntity } from './repos/mentions'
import { coMentions } from './repos/graph'
import { createMap, deleteMap, entityDocuments, getMap, listMaps, pairEvidence, renameMap, updateMap } from './repos/maps'
import { searchDocuments } from './repos/search'
import { importAnnotations } from './repos/annotations'
import type { SnapshotReadOptions } from '../export/snapshotQuery'
import type { AnnotationCandidate, ClaimCandidate } from '../export/types'
import { readReportRows } from '../export/report/model'
import { all, get, transaction } from './sqlite'
import { listEntityTypes, createEntityType, updateEntityType } from './repos/entityTypes'
import { addAlias, listAliases, removeAlias } from './repos/aliases'
import { claimGroups, createClaim, deleteClaim, getClaim, listClaims, predicateSuggestions, updateClaim } from './repos/claims'
import { deletePreview, mergeEntities, mergesOf, splitEntities } from './repos/merge'
import { tagAllCandidates, tagAllConfirm } from './repos/tagAll'
import { reviewAnchors } from './repos/anchorCheck'
import { applyReimport, storedOriginal, type ReimportArgs } from './repos/reimport'
import { historyState, redo, setUserName, undo } from './repos/history'
import { listAudit } from './repos/audit'
import { parseValue } from '../tagging/values'
import { acceptSuggestions, readSuggestions, rejectSuggestion, storeSuggestions } from './repos/suggestions'
import { findDuplicates } from './repos/duplicates'
import type { Suggestion } from '../suggest/types'

type Op<A, R> = (db: Database, args: A, now: string) => R

export const contractOps: { [M in DbMethod]: Op<ParsedArgsOf<M>, ResultOf<M>> } = {
  'documents.list': (db) => listDocuments(db),
  'documents.get': (db, a) => getDocument(db, a.id),
  'documents.original': (db, a) => documentOriginal(db, a.id),
  'documents.updateMeta': (db, a) => updateDocumentMeta(db, a),
  'search.query': (db, a) => searchDocuments(db, a),

  'entities.list': (db) => listEntities(db),
  'entities.create': (db, a, now) => createEntity(db, a, now),
  'entities.update': (db, a) => updateEntity(db, a),
  'entities.delete': (db, a) => ({ deleted: deleteEntity(db, a.id) }),
  'entities.deletePreview': (db, a) => deletePreview(db, a.id),
  'entityTypes.list': (db) => listEntityTypes(db),
  'entityTypes.create': (db, a, now) => createEntityType(db, a, now),
  'entityTypes.update': (db, a) => updateEntityType(db, a),
  'aliases.list': (db, a) => listAliases(db, a),
  'aliases.add': (db, a, now) => addAlias(db, a, now),
  'aliases.remove': (db, a) => ({ deleted: removeAlias(db, a.id) }),
  'entities.merge': (db, a, now) => mergeEntities(db, a, now),
  'entities.merges': (db, a) => mergesOf(db, a.entityId),
  'entities.split': (db, a, now) => splitEntities(db, a, now),
  'entities.tagAllCandidates': (db, a) => tagAllCandidates(db, a),
  'entities.tagAllConfirm': (db, a, now) => tagAllConfirm(db, a, now),

  'mentions.forDocument': (db, a) => mentionsForDocument(db, a.documentId),
  'entities.mentions': (db, a) => mentionsOfEntity(db, a.entityId),
  // Tagging as a new entity creates it here, in the same transaction and undo step.
  'mentions.create': (db, a, now) =>
    transaction(db, () => {
      const entityId = a.entityId ?? createEntity(db, a.newEntity!, now).id
      return createMention(db, { documentId: a.documentId, entityId, start: a.start, end: a.end }, now)
    }),
  'mentions.delete': (db, a) => ({ deleted: deleteMention(db, a.id) }),
  'anchors.review': (db, a) => reviewAnchors(db, a),

  'claims.create': (db, a, now) => createClaim(db, a, now),
  'claims.update': (db, a, now) => updateClaim(db, a, now),
  'claims.delete': (db, a) => ({ deleted: deleteClaim(db, a.id) }),
  'claims.get': (db, a) => getClaim(db, a.id),
  'claims.list': (db, a) => listClaims(db, a),
  'claims.groups': (db, a) => claimGroups(db, a),
  'claims.predicates': (db, a) => predicateSuggestions(db, a),
  'claims.parseValue': (_db, a) => parseValue(a.text),

  'history.state': (db) => historyState(db),
  'history.undo': (db, _a, now) => undo(db, now),
  'history.redo': (db, _a, now) => redo(db, now),
  'audit.list': (db, a) => listAudit(db, a),

  'maps.list': (db) => listMaps(db),
  'maps.get': (db, a) => getMap(db, a.id),
  'maps.create': (db, a, now) => createMap(db, a, now),
  'maps.rename': (db, a, now) => renameMap(db, a, now),
  'maps.delete': (db, a) => ({ deleted: deleteMap(db, a.id) }),
  'maps.update': (db, a, now) => updateMap(db, a, now),
  'graph.coMentions': (db) => coMentions(db),
  'graph.entityDocuments': (db) => entityDocuments(db),
  'graph.pairEvidence': (db, a) => pairEvidence(db, a),

  'suggestions.accept': (db, a, now) => acceptSuggestions(db, a, now),
  'suggestions.reject': (db, a, now) => rejectSuggestion(db, a, now),
  'suggestions.duplicates': (db) => findDuplicates(db)
}

function op<A, R>(fn: Op<A, R>): Op<A, R> {
  return fn
}

/** Operations of the core only (never callable from the renderer). */
export const internalQueries = {
  /** The user name written to the audit log; writes nothing to the project. */
  'session.setUser': op((_db, a: { userName: string | null }) => setUserName(a.userName)),
  'documents.findBySha': op((db, a: { sha256: string }) => findBySha(db, a.sha256) ?? null),
  // Everything a data export reads (no document texts; code-point offsets are computed here when asked for).
  // Loaded on first export: its HTML parser and text decoders (for W3C quote contexts in the original
  // page) would otherwise sit in this long-lived thread from the project's opening (3 MB of its RSS).
  'graph.snapshot': op(async (db, a: SnapshotReadOptions) => (await import('../export/snapshotQuery')).readSnapshotRows(db, a)),
  'documents.details': op((db) => documentDetails(db)),
  /** A document's original bytes from the project file, for a re-import. */
  'documents.storedOriginal': op((db, a: { id: number }) => storedOriginal(db, a.id)),
  // The evidence report's claims (by id, in order; all when null) with the entities and documents they name.
  'report.rows': op((db, a: { claimIds: number[] | null }) => readReportRows(db, a)),
  // A document's cached suggestions, or what to compute them from (core/suggest/service.ts).
  'suggest.read': op((db, a: { documentId: number }) => readSuggestions(db, a.documentId)),
  // What the analyst rejected (tests; the undo history restores these rows).
  'suggest.rejections': op((db) => all<{ id: number; documentId: number | null; start: number | null; end: number | null; name: string }>(db, 'SELECT id, document_id AS documentId, start, end, name FROM suggestion_rejections ORDER BY id')),
  'project.counts': op((db) => ({
    documentCount: countDocuments(db),
    entityCount: get<{ n: number }>(db, 'SELECT count(*) AS n FROM entities')!.n
  }))
}

export const internalMutations = {
  'documents.insert': op((db, a: NewDocument, now) => insertDocument(db, a, now)),
  /** Many documents in one transaction (benchmarks, bulk imports); all or none. */
  /** A re-extracted text replacing a document's, its tags carried over (one undoable action). */
  'documents.applyReimport': op((db, a: ReimportArgs, now) => applyReimport(db, a, now)),
  'documents.insertMany': op((db, a: { documents: NewDocument[] }, now) => transaction(db, () => a.documents.map((d) => insertDocument(db, d, now)))),
  // W3C annotations as mentions, resolved against the texts here, in one transaction.
  // The suggestion cache: derived data, never an undo step nor an audit entry (history.ts NOT_RECORDED).
  'suggest.store': op((db, a: { documentId: number; key: string; suggestions: Suggestion[] }, now) => storeSuggestions(db, a, now)),
  'annotations.importCandidates': op((db, a: { candidates: AnnotationCandidate[]; claims?: ClaimCandidate[] }, now) => importAnnotations(db, a, now))
}

type Internal = typeof internalQueries & typeof internalMutations
export type OpName = DbMethod | keyof Internal
export type OpArgs<K extends OpName> = K extends DbMethod ? ParsedArgsOf<K> : K extends keyof Internal ? Parameters<Internal[K]>[1] : never
export type OpResult<K extends OpName> = K extends DbMethod ? ResultOf<K> : K extends keyof Internal ? ReturnType<Internal[K]> : never

type AnyOp = Op<unknown, unknown>

/** The operation named, and whether it writes; undefined for an unknown name. */
export function lookupOp(name: string): { run: AnyOp; mutation: boolean } | undefined {
  const has = (o: object) => Object.prototype.hasOwnProperty.call(o, name)
  if (has(contractOps)) {
    const def = contract[name as DbMethod]
    return { run: (contractOps as Record<string, AnyOp>)[name]!, mutation: def.kind === 'mutation' }
  }
  if (has(internalQueries)) return { run: (internalQueries as Record<string, AnyOp>)[name]!, mutation: false }
  if (has(internalMutations)) return { run: (internalMutations as Record<string, AnyOp>)[name]!, mutation: true }
  return undefined
}

