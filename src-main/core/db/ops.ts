// The operations the database worker runs, by name. Queries only read;
// mutations mark the project dirty and schedule an autosave.
import type { Database } from './sqlite'
import { countDocuments, findBySha, getDocument, insertDocument, listDocuments, updateDocumentMeta, type DocumentMetaEdit, type NewDocument } from './repos/documents'
import { createEntity, deleteEntity, listEntities, updateEntity } from './repos/entities'
import { createMention, deleteMention, mentionsForDocument, mentionsOfEntity } from './repos/mentions'
import { coMentions } from './repos/graph'
import { createMap, deleteMap, entityDocuments, getMap, listMaps, pairEvidence, renameMap, updateMap } from './repos/maps'
import type { MapFilters, MapPosition, MapSettings } from '../../contract/types'
import { searchDocuments } from './repos/search'
import { importAnnotations } from './repos/annotations'
import { readSnapshotRows } from '../export/snapshotQuery'
import type { AnnotationCandidate } from '../export/types'
import { all, get, transaction } from './sqlite'
// tagging core
import { listEntityTypes, createEntityType, updateEntityType } from './repos/entityTypes'
import { addAlias, listAliases, removeAlias } from './repos/aliases'
import { claimEdges, claimGroups, createClaim, deleteClaim, getClaim, listClaims, predicateSuggestions, updateClaim, type ClaimFilter, type ClaimInput } from './repos/claims'
import { deletePreview, mergeEntities, mergesOf, splitEntities } from './repos/merge'
import { tagAllCandidates, tagAllConfirm } from './repos/tagAll'
import { reviewAnchors } from './repos/anchorCheck'
import { historyState, redo, setUserName, undo } from './repos/history'
import { listAudit } from './repos/audit'
import { parseValue } from '../tagging/values'

type Op<A, R> = (db: Database, args: A, now: string) => R

function op<A, R>(fn: Op<A, R>): Op<A, R> {
  return fn
}

export const queries = {
  // --- tagging core (repos/{entityTypes,aliases,claims,merge,tagAll,anchorCheck,history,audit}.ts) ---
  'entityTypes.list': op((db) => listEntityTypes(db)),
  'aliases.list': op((db, a: { entityId?: number }) => listAliases(db, a)),
  'entities.merges': op((db, a: { entityId: number }) => mergesOf(db, a.entityId)),
  'entities.deletePreview': op((db, a: { id: number }) => deletePreview(db, a.id)),
  'entities.tagAllCandidates': op((db, a: { entityId: number; documentId?: number }) => tagAllCandidates(db, a)),
  'claims.get': op((db, a: { id: number }) => getClaim(db, a.id)),
  'claims.list': op((db, a: ClaimFilter) => listClaims(db, a)),
  'claims.groups': op((db, a: { entityId?: number; conflictsOnly?: boolean }) => claimGroups(db, a)),
  'claims.predicates': op((db, a: { prefix?: string; limit?: number }) => predicateSuggestions(db, a)),
  'claims.parseValue': op((_db, a: { text: string }) => parseValue(a.text)),
  'graph.claimEdges': op((db) => claimEdges(db)),
  'history.state': op((db) => historyState(db)),
  'audit.list': op((db, a: { limit?: number; offset?: number }) => listAudit(db, a)),
  'anchors.review': op((db, a: { documentId?: number }) => reviewAnchors(db, a)),
  /** The user name written to the audit log; writes nothing to the project. */
  'session.setUser': op((_db, a: { userName: string | null }) => setUserName(a.userName)),
  'documents.list': op((db) => listDocuments(db)),
  'documents.get': op((db, a: { id: number }) => getDocument(db, a.id)),
  'documents.findBySha': op((db, a: { sha256: string }) => findBySha(db, a.sha256) ?? null),
  'entities.list': op((db) => listEntities(db)),
  'entities.mentions': op((db, a: { entityId: number }) => mentionsOfEntity(db, a.entityId)),
  'mentions.forDocument': op((db, a: { documentId: number }) => mentionsForDocument(db, a.documentId)),
  'graph.coMentions': op((db) => coMentions(db)),
  // Relationship map: named maps, which documents mention which entity, the paragraphs two entities share.
  'maps.list': op((db) => listMaps(db)),
  'maps.get': op((db, a: { id: number }) => getMap(db, a.id)),
  'graph.entityDocuments': op((db) => entityDocuments(db)),
  'graph.pairEvidence': op((db, a: { a: number; b: number; limit?: number }) => pairEvidence(db, a)),
  // Everything a data export reads (no document texts; code-point offsets are computed here when asked for).
  'graph.snapshot': op((db, a: { codePoints?: boolean }) => readSnapshotRows(db, a)),
  'search.query': op((db, a: { query: string; limit?: number }) => searchDocuments(db, a)),
  // What DocumentSummary leaves out, for the CLI's listing: the language, and
  // the text's length in UTF-16 code units (SQLite's length() counts code points).
  'documents.details': op((db) =>
    all<{ id: number; lang: string | null; text: string }>(db, 'SELECT id, lang, text FROM documents').map((d) => ({
      id: d.id,
      lang: d.lang,
      textLength: d.text.length
    }))
  ),
  'project.counts': op((db) => ({
    documentCount: countDocuments(db),
    entityCount: get<{ n: number }>(db, 'SELECT count(*) AS n FROM entities')!.n
  }))
}

export const mutations = {
  // --- tagging core: every mutation is one undoable, audited action (repos/history.ts recordAction) ---
  'entityTypes.create': op((db, a: { label: string; key?: string; color: string; icon?: string }, now) => createEntityType(db, a, now)),
  'entityTypes.update': op((db, a: { key: string; label?: string; color?: string; icon?: string }) => updateEntityType(db, a)),
  'aliases.add': op((db, a: { entityId: number; name: string }, now) => addAlias(db, a, now)),
  'aliases.remove': op((db, a: { id: number }) => ({ deleted: removeAlias(db, a.id) })),
  'entities.merge': op((db, a: { keepId: number; mergeId: number }, now) => mergeEntities(db, a, now)),
  'entities.split': op((db, a: { mergeId: number }, now) => splitEntities(db, a, now)),
  'entities.tagAllConfirm': op(
    (db, a: { entityId: number; spans: { documentId: number; start: number; end: number }[] }, now) => tagAllConfirm(db, a, now)
  ),
  'claims.create': op((db, a: ClaimInput, now) => createClaim(db, a, now)),
  'claims.update': op((db, a: Partial<ClaimInput> & { id: number }, now) => updateClaim(db, a, now)),
  'claims.delete': op((db, a: { id: number }) => ({ deleted: deleteClaim(db, a.id) })),
  'history.undo': op((db, _a: undefined, now) => undo(db, now)),
  'history.redo': op((db, _a: undefined, now) => redo(db, now)),
  'documents.insert': op((db, a: NewDocument, now) => insertDocument(db, a, now)),
  /** Many documents in one transaction (benchmarks, bulk imports); all or none. */
  'documents.insertMany': op((db, a: { documents: NewDocument[] }, now) =>
    transaction(db, () => a.documents.map((d) => insertDocument(db, d, now)))
  ),
  'documents.updateMeta': op((db, a: DocumentMetaEdit) => updateDocumentMeta(db, a)),
  'entities.create': op((db, a: { name: string; type: string }, now) => createEntity(db, a, now)),
  'entities.update': op((db, a: { id: number; name?: string; type?: string; notes?: string }) => updateEntity(db, a)),
  'entities.delete': op((db, a: { id: number }) => ({ deleted: deleteEntity(db, a.id) })),
  // Tagging as a new entity creates it here, in the same transaction and undo step.
  'mentions.create': op(
    (db, a: { documentId: number; entityId?: number; newEntity?: { name: string; type: string }; start: number; end: number }, now) =>
      transaction(db, () => {
        const entityId = a.entityId ?? createEntity(db, a.newEntity!, now).id
        return createMention(db, { documentId: a.documentId, entityId, start: a.start, end: a.end }, now)
      })
  ),
  'mentions.delete': op((db, a: { id: number }) => ({ deleted: deleteMention(db, a.id) })),
  'maps.create': op((db, a: { name: string; filters?: MapFilters; settings?: MapSettings; copyFrom?: number }, now) => createMap(db, a, now)),
  'maps.rename': op((db, a: { id: number; name: string }, now) => renameMap(db, a, now)),
  'maps.delete': op((db, a: { id: number }) => ({ deleted: deleteMap(db, a.id) })),
  'maps.update': op(
    (db, a: { id: number; filters?: MapFilters; settings?: MapSettings; positions?: MapPosition[]; replacePositions?: boolean }, now) => updateMap(db, a, now)
  ),
  // W3C annotations as mentions, resolved against the texts here, in one transaction.
  'annotations.import': op((db, a: { candidates: AnnotationCandidate[] }, now) => importAnnotations(db, a, now))
}

export type Ops = typeof queries & typeof mutations
export type OpName = keyof Ops
export type OpArgs<K extends OpName> = Parameters<Ops[K]>[1]
export type OpResult<K extends OpName> = ReturnType<Ops[K]>
