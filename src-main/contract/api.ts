// The one API contract between renderer and main. Every call is
// `invoke(method, args)`; main validates `args` with the schema below before
// the handler sees them, and answers with an ApiResponse envelope so a bad
// call gets a typed error instead of crashing anything.
import { z } from 'zod'
import type {
  CoMention,
  DocumentContent,
  DocumentSummary,
  Entity,
  ImportResult,
  Mention,
  MentionInContext,
  ProjectInfo,
  Relation,
  SaveState
} from './types'
import type { Method } from './methods'

/** A phantom marker carrying a method's result type. */
function returns<T>(): T {
  return undefined as T
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const offset = z.number().int().nonnegative().max(1 << 30)
const name = z.string().trim().min(1, 'a name is required').max(500)
const typeKey = z.string().trim().min(1).max(60)
const none = z.object({}).strict()

export interface RecentProject {
  path: string
  name: string
  openedAt: string
}

export interface Bootstrap {
  project: ProjectInfo
  save: SaveState
  /** Set when the last project could not be opened and a fresh one was used. */
  notice: string | null
}

export const contract = {
  'app.bootstrap': { args: none, result: returns<Bootstrap>() },
  'project.info': { args: none, result: returns<ProjectInfo>() },
  'project.new': { args: none, result: returns<ProjectInfo | null>() },
  'project.open': { args: none, result: returns<ProjectInfo | null>() },
  'project.openRecent': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: returns<ProjectInfo>()
  },
  'project.saveAs': { args: none, result: returns<ProjectInfo | null>() },
  'project.recent': { args: none, result: returns<RecentProject[]>() },
  'project.saveState': { args: none, result: returns<SaveState>() },
  'project.flush': { args: none, result: returns<SaveState>() },

  'documents.list': { args: none, result: returns<DocumentSummary[]>() },
  'documents.get': { args: z.object({ id }).strict(), result: returns<DocumentContent>() },
  'documents.openFiles': { args: none, result: returns<ImportResult[]>() },
  'documents.importFolder': { args: none, result: returns<ImportResult[]>() },
  'documents.importDropped': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(5000) }).strict(),
    result: returns<ImportResult[]>()
  },
  'documents.updateMeta': {
    args: z
      .object({
        id,
        title: z.string().trim().min(1, 'a title is required').max(1000).optional(),
        byline: z.string().trim().max(1000).nullable().optional(),
        siteName: z.string().trim().max(1000).nullable().optional(),
        publishedTime: z.string().trim().max(100).nullable().optional()
      })
      .strict(),
    result: returns<DocumentSummary>()
  },
  'import.cancel': { args: none, result: returns<{ cancelled: boolean }>() },

  'entities.list': { args: none, result: returns<Entity[]>() },
  'entities.create': {
    args: z.object({ name, type: typeKey }).strict(),
    result: returns<Entity>()
  },
  'entities.update': {
    args: z
      .object({ id, name: name.optional(), type: typeKey.optional(), notes: z.string().max(100_000).optional() })
      .strict(),
    result: returns<Entity>()
  },
  'entities.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },
  'entities.mentions': {
    args: z.object({ entityId: id }).strict(),
    result: returns<MentionInContext[]>()
  },

  'mentions.forDocument': {
    args: z.object({ documentId: id }).strict(),
    result: returns<Mention[]>()
  },
  'mentions.create': {
    args: z
      .object({ documentId: id, entityId: id, start: offset, end: offset })
      .strict()
      .refine((a) => a.end > a.start, 'end must be after start'),
    result: returns<Mention>()
  },
  'mentions.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },

  'relations.list': { args: none, result: returns<Relation[]>() },
  'relations.create': {
    args: z
      .object({ sourceId: id, targetId: id, type: typeKey, label: z.string().trim().max(200) })
      .strict()
      .refine((a) => a.sourceId !== a.targetId, 'an entity cannot be linked to itself'),
    result: returns<Relation>()
  },
  'relations.delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },

  'graph.coMentions': { args: none, result: returns<CoMention[]>() },

  'export.savePng': {
    args: z
      .object({
        bytes: z.instanceof(Uint8Array).refine((b) => b.length > 8 && b.length < 512 * 1024 * 1024),
        suggestedName: z.string().max(200)
      })
      .strict(),
    result: returns<{ path: string } | null>()
  }
} as const

export type Contract = typeof contract

// The contract and METHOD_NAMES must list the same methods.
type Missing = Exclude<Method, keyof Contract>
type Extra = Exclude<keyof Contract, Method>
const sameMethods: [Missing, Extra] extends [never, never] ? true : false = true
void sameMethods

export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends Method> = z.output<Contract[M]['args']>
export type ResultOf<M extends Method> = Contract[M]['result']

export * from './methods'
