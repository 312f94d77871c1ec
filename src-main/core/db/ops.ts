// The operations the database worker runs, by name. Queries only read;
// mutations mark the project dirty and schedule an autosave.
import type { Database } from './sqlite'
import { countDocuments, findBySha, getDocument, insertDocument, listDocuments, updateDocumentMeta, type DocumentMetaEdit, type NewDocument } from './repos/documents'
import { createEntity, deleteEntity, listEntities, updateEntity } from './repos/entities'
import { createMention, deleteMention, mentionsForDocument, mentionsOfEntity } from './repos/mentions'
import { createRelation, deleteRelation, listRelations } from './repos/relations'
import { coMentions } from './repos/graph'
import { get } from './sqlite'

type Op<A, R> = (db: Database, args: A, now: string) => R

function op<A, R>(fn: Op<A, R>): Op<A, R> {
  return fn
}

export const queries = {
  'documents.list': op((db) => listDocuments(db)),
  'documents.get': op((db, a: { id: number }) => getDocument(db, a.id)),
  'documents.findBySha': op((db, a: { sha256: string }) => findBySha(db, a.sha256) ?? null),
  'entities.list': op((db) => listEntities(db)),
  'entities.mentions': op((db, a: { entityId: number }) => mentionsOfEntity(db, a.entityId)),
  'mentions.forDocument': op((db, a: { documentId: number }) => mentionsForDocument(db, a.documentId)),
  'relations.list': op((db) => listRelations(db)),
  'graph.coMentions': op((db) => coMentions(db)),
  'project.counts': op((db) => ({
    documentCount: countDocuments(db),
    entityCount: get<{ n: number }>(db, 'SELECT count(*) AS n FROM entities')!.n
  }))
}

export const mutations = {
  'documents.insert': op((db, a: NewDocument, now) => insertDocument(db, a, now)),
  'documents.updateMeta': op((db, a: DocumentMetaEdit) => updateDocumentMeta(db, a)),
  'entities.create': op((db, a: { name: string; type: string }, now) => createEntity(db, a, now)),
  'entities.update': op((db, a: { id: number; name?: string; type?: string; notes?: string }) => updateEntity(db, a)),
  'entities.delete': op((db, a: { id: number }) => ({ deleted: deleteEntity(db, a.id) })),
  'mentions.create': op(
    (db, a: { documentId: number; entityId: number; start: number; end: number }, now) => createMention(db, a, now)
  ),
  'mentions.delete': op((db, a: { id: number }) => ({ deleted: deleteMention(db, a.id) })),
  'relations.create': op(
    (db, a: { sourceId: number; targetId: number; type: string; label: string }, now) => createRelation(db, a, now)
  ),
  'relations.delete': op((db, a: { id: number }) => ({ deleted: deleteRelation(db, a.id) }))
}

export type Ops = typeof queries & typeof mutations
export type OpName = keyof Ops
export type OpArgs<K extends OpName> = Parameters<Ops[K]>[1]
export type OpResult<K extends OpName> = ReturnType<Ops[K]>
