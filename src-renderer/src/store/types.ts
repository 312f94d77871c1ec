import type { RecentProject } from '@contract/api'
import type {
  CoMention,
  DocumentContent,
  DocumentSummary,
  Entity,
  ImportProgress,
  ImportResult,
  Mention,
  MentionInContext,
  ProjectInfo,
  SaveState,
  SearchHit
} from '@contract/types'

export interface ProjectSlice {
  project: ProjectInfo | null
  saveState: SaveState
  recent: RecentProject[]
  /** Reads the open project afresh (also the 'session' change's refresher). */
  loadProject(): Promise<void>
  refreshProjectInfo(): Promise<void>
  refreshRecent(): Promise<void>
}

export interface LibrarySlice {
  documents: DocumentSummary[]
  lastImport: ImportResult[] | null
  importProgress: ImportProgress | null
  refreshDocuments(): Promise<void>
  openFiles(): Promise<void>
  importFolder(): Promise<void>
  importDropped(paths: string[]): Promise<void>
  cancelImport(): Promise<void>
  updateDocumentMeta(a: { id: number; title?: string; byline?: string | null; siteName?: string | null; publishedTime?: string | null }): Promise<void>
  dismissImport(): void
  search: { query: string; hits: SearchHit[]; busy: boolean; focusNonce: number }
  setSearchQuery(q: string): void
  focusSearch(): void
}

/** A request to scroll the reader to a span and flash it. */
export interface JumpTarget {
  start: number
  end: number
  nonce: number
  /** A restored reading place: the offset goes to the top of the view, `dy` pixels above it, with no flash. */
  restore?: { dy: number }
}

export interface ReaderSlice {
  doc: DocumentContent | null
  mentions: Mention[]
  jump: JumpTarget | null
  openDocument(id: number, jump?: { start: number; end: number; restore?: { dy: number } }): Promise<void>
  refreshMentions(): Promise<void>
  tagSpan(span: { start: number; end: number }, target: { entityId: number } | { name: string; type: string }): Promise<Mention | null>
  /** Shows a just-recorded mention (and the entity it created) before the refreshed reads arrive. */
  placeMention(m: Mention, newEntity: { name: string; type: string } | null): void
  removeMention(id: number): Promise<void>
}

export interface EntitiesSlice {
  entities: Entity[]
  selectedEntityId: number | null
  selectedMentions: MentionInContext[]
  refreshEntities(): Promise<void>
  selectEntity(id: number | null): Promise<void>
  /** Re-reads the selected entity's mentions in context. */
  refreshSelectedMentions(): Promise<void>
  updateEntity(a: { id: number; name?: string; type?: string; notes?: string }): Promise<void>
  deleteEntity(id: number): Promise<void>
}

import type { MapSlice } from './mapSlice'
import type { EntityToolsSlice } from './entityToolsSlice'
export type { EntityToolsSlice } from './entityToolsSlice'
/** The entity tools' dialogs (src-renderer/src/entities). */
export type EntityDialog = { kind: 'tagAll'; entityId: number } | { kind: 'merge'; entityId: number } | { kind: 'entityTypes' }
export type { MapSlice, MapSelection } from './mapSlice'
import type { HistorySlice } from './historySlice'
export type { HistorySlice } from './historySlice'
/** The history UI's dialogs: the activity (audit) log and the user's name. */
export type HistoryDialog = { kind: 'audit' } | { kind: 'userName'; firstStart?: boolean }

import type { ClaimsSlice } from './claimsSlice'
export type { ClaimsSlice } from './claimsSlice'
/** The claims feature's dialogs (src-renderer/src/claims). */
export type ClaimDialog =
  | { kind: 'claim'; mode: 'new'; passage: { documentId: number; start: number; end: number; text: string } }
  | { kind: 'claim'; mode: 'judgement'; subjectId: number | null }
  | { kind: 'claim'; mode: 'edit'; claimId: number }
  | { kind: 'deleteClaim'; claimId: number }
  | { kind: 'report' }

export type View = 'reader' | 'map' | 'claims'

export interface Toast {
  id: number
  kind: 'info' | 'error'
  text: string
}

export type Dialog = { kind: 'docMeta'; documentId: number } | { kind: 'exportPng' } | { kind: 'appearance' } | { kind: 'deleteEntity'; entityId: number } | EntityDialog | ClaimDialog | HistoryDialog | null

/** A damaged project whose last good backup can be opened. */
export interface Recovery {
  path: string
  message: string
}

export interface UiSlice {
  recovery: Recovery | null
  setRecovery(r: Recovery | null): void
  view: View
  dialog: Dialog
  findOpen: boolean
  toasts: Toast[]
  setView(v: View): void
  openDialog(d: Dialog): void
  setFindOpen(open: boolean): void
  notify(kind: Toast['kind'], text: string): void
  dismissToast(id: number): void
  /** Runs an action, turning a failure into an error toast. */
  guard<T>(fn: () => Promise<T>): Promise<T | undefined>
}

import type { RoomSlice } from './roomSlice'
export type { RoomSlice } from './roomSlice'

import type { PrefsSlice } from './prefsSlice'

export type AppState = ProjectSlice & LibrarySlice & ReaderSlice & EntitiesSlice & MapSlice & EntityToolsSlice & UiSlice & HistorySlice & ClaimsSlice & RoomSlice & PrefsSlice
