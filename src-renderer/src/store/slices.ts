// The store's slices. An action calls the API; what the call changed is read
// again by the change table (./changes.ts), never by the action itself.
// Errors become toasts (see `guard`).
import type { StateCreator } from 'zustand'
import { ApiCallError, call } from '../api'
import type { ImportResult } from '@contract/types'
import type { AppState, EntitiesSlice, LibrarySlice, ProjectSlice, ReaderSlice, UiSlice } from './types'

type Slice<T> = StateCreator<AppState, [], [], T>

export const projectSlice: Slice<ProjectSlice> = (set, get) => {
  // Two causes of one switch (the answer's change and main's event) load once.
  let loading: { path: string | null; job: Promise<void> } | null = null
  const load = async () => {
    const [project, saveState, documents, entities] = await Promise.all([
      call('project.info'),
      call('project.saveState'),
      call('documents.list'),
      call('entities.list')
    ])
    // Claims and the map's data belong to the project: what needs them reads them again.
    set({
      project,
      saveState,
      documents,
      entities,
      selectedEntityId: null,
      selectedMentions: [],
      doc: null,
      mentions: [],
      claimList: [],
      claimGroups: [],
      claimsLoaded: false,
      mapDataReady: false,
      entityDocuments: [],
      coMentions: []
    })
    await Promise.all([get().refreshRecent(), get().refreshEntityTypes(), get().refreshAllAliases(), get().refreshHistory()])
    // Back where reading stopped on this machine (settings.readingPlace), else the first document.
    const place = await call('settings.readingPlace').catch(() => null)
    const placed = place && documents.some((d) => d.id === place.documentId) ? place : null
    if (placed) await get().openDocument(placed.documentId, { start: placed.offset, end: placed.offset, restore: { dy: placed.dy } })
    else if (documents[0]) await get().openDocument(documents[0].id)
  }
  return {
    project: null,
    saveState: { dirty: false, saving: false, lastSavedAt: null, error: null },
    recent: [],
    loadProject() {
      const path = get().project?.path ?? null
      if (loading && loading.path === path) return loading.job
      const job = load().finally(() => {
        if (loading?.job === job) loading = null
      })
      loading = { path, job }
      return job
    },
    async refreshProjectInfo() {
      set({ project: await call('project.info') })
    },
    async refreshRecent() {
      set({ recent: await call('project.recent') })
    }
  }
}

export const librarySlice: Slice<LibrarySlice> = (set, get) => {
  /** Shows the per-file results and opens the first new document (the library itself follows the import's change). */
  const finishImport = async (results: ImportResult[]) => {
    if (!results.length) return
    set({ lastImport: results })
    // One file is opened, to read it; several are not: the analyst stays on what they were reading
    // (and a first import into an empty reader opens the first file).
    if (results.length > 1 && get().doc) return
    const first = results.find((r) => r.status === 'imported') ?? results.find((r) => r.status === 'duplicate')
    if (first?.documentId) await get().openDocument(first.documentId)
  }
  return {
    documents: [],
    lastImport: null,
    importProgress: null,
    async refreshDocuments() {
      const documents = await call('documents.list')
      // The open document's details (title, byline …) come from the same list; its text changes only
      // by a re-import (or its undo), which changes its extraction: then the text is read again.
      const doc = get().doc
      const summary = doc && documents.find((d) => d.id === doc.id)
      if (doc && summary && summary.extraction !== doc.extraction) {
        const [fresh, mentions] = await Promise.all([call('documents.get', { id: doc.id }), call('mentions.forDocument', { documentId: doc.id })])
        if (get().doc?.id === doc.id) set({ documents, doc: fresh, mentions })
        else set({ documents })
        return
      }
      // Replaced only when a detail did change: a new doc object re-renders the whole reader.
      const changed = doc && summary && (Object.keys(summary) as (keyof typeof summary)[]).some((k) => !Object.is(summary[k], doc[k]))
      set({ documents, ...(doc && summary && changed ? { doc: { ...doc, ...summary } } : {}) })
    },
    async openFiles() {
      await finishImport(await call('documents.openFiles'))
    },
    async importFolder() {
      await finishImport(await call('documents.importFolder'))
    },
    async importDropped(paths) {
      if (paths.length) await finishImport(await call('documents.importDropped', { paths }))
    },
    async cancelImport() {
      await call('import.cancel')
    },
    async updateDocumentMeta(a) {
      await call('documents.updateMeta', a)
    },
    dismissImport() {
      set({ lastImport: null })
    },
    search: { query: '', hits: [], busy: false, focusNonce: 0 },
    setSearchQuery(query) {
      set({ search: { ...get().search, query, busy: !!query.trim() } })
      if (searchTimer) clearTimeout(searchTimer)
      if (!query.trim()) return
      // Debounced: search as the user types, without a query per keystroke.
      searchTimer = setTimeout(() => {
        void get().guard(async () => {
          const hits = await call('search.query', { query: query.slice(0, 500), limit: 50 })
          if (get().search.query === query) set({ search: { ...get().search, hits, busy: false } })
        })
      }, 150)
    },
    focusSearch() {
      set({ search: { ...get().search, focusNonce: get().search.focusNonce + 1 } })
    }
  }
}

let searchTimer: ReturnType<typeof setTimeout> | null = null

let jumpNonce = 0

export const readerSlice: Slice<ReaderSlice> = (set, get) => ({
  doc: null,
  mentions: [],
  jump: null,
  async openDocument(id, jump) {
    const current = get().doc
    if (current?.id !== id) {
      const [doc, mentions] = await Promise.all([call('documents.get', { id }), call('mentions.forDocument', { documentId: id })])
      set({ doc, mentions })
    }
    set({ view: 'reader', jump: jump ? { ...jump, nonce: ++jumpNonce } : null })
  },
  async refreshMentions() {
    const doc = get().doc
    if (!doc) return
    const mentions = await call('mentions.forDocument', { documentId: doc.id })
    // A document opened meanwhile keeps its own.
    if (get().doc?.id === doc.id) set({ mentions })
  },
  async tagSpan(span, target) {
    const doc = get().doc
    if (!doc) return null
    // A new entity is created with its first tag: one action, one undo step.
    // The answer's change refreshes highlights, counts and lists.
    return call('mentions.create', { documentId: doc.id, ...('entityId' in target ? { entityId: target.entityId } : { newEntity: target }), ...span })
  },
  placeMention(m, newEntity) {
    const { doc, mentions, entities } = get()
    if (doc?.id !== m.documentId || mentions.some((x) => x.id === m.id)) return
    const known = entities.some((e) => e.id === m.entityId)
    set({
      mentions: [...mentions, m].sort((a, b) => a.start - b.start || b.end - a.end),
      // Its name and type, for the highlight's colour and title, until the entity list is read again.
      ...(!known && newEntity ? { entities: [...entities, { id: m.entityId, ...newEntity, notes: '', mentionCount: 1, createdAt: m.createdAt }] } : {})
    })
  },
  async removeMention(id) {
    await call('mentions.delete', { id })
  }
})

export const entitiesSlice: Slice<EntitiesSlice> = (set, get) => ({
  entities: [],
  selectedEntityId: null,
  selectedMentions: [],
  async refreshEntities() {
    const entities = await call('entities.list')
    set({ entities })
    // The selected entity may be gone (deleted, merged, its creation undone).
    const sel = get().selectedEntityId
    if (sel !== null && !entities.some((e) => e.id === sel)) set({ selectedEntityId: null, selectedMentions: [] })
  },
  async selectEntity(id) {
    if (id === null) {
      set({ selectedEntityId: null, selectedMentions: [] })
      return
    }
    set({ selectedEntityId: id })
    await get().refreshSelectedMentions()
  },
  async refreshSelectedMentions() {
    const id = get().selectedEntityId
    if (id === null) return
    const mentions = await readForSelected(get, () => call('entities.mentions', { entityId: id }))
    if (mentions && get().selectedEntityId === id) set({ selectedMentions: mentions })
  },
  async updateEntity(a) {
    await call('entities.update', a)
  },
  async deleteEntity(id) {
    if (get().selectedEntityId === id) set({ selectedEntityId: null, selectedMentions: [] })
    await call('entities.delete', { id })
  }
})

/**
 * A read about the selected entity. The entity may be gone by the time it
 * runs (merged away, deleted, its creation undone: the same change that
 * refreshes this removes it); then the selection goes, quietly.
 */
export async function readForSelected<T>(get: () => AppState, read: () => Promise<T>): Promise<T | undefined> {
  const id = get().selectedEntityId
  try {
    return await read()
  } catch (e) {
    if (!(e instanceof ApiCallError && e.code === 'NOT_FOUND')) throw e
    if (get().selectedEntityId === id) await get().selectEntity(null)
    return undefined
  }
}

// The map's slice lives in ./mapSlice.ts.

let toastId = 0
const MAX_TOASTS = 3

export const uiSlice: Slice<UiSlice> = (set, get) => ({
  recovery: null,
  setRecovery(recovery) {
    set({ recovery })
  },
  view: 'reader',
  dialog: null,
  findOpen: false,
  toasts: [],
  setView(view) {
    set({ view })
  },
  openDialog(dialog) {
    set({ dialog })
  },
  setFindOpen(findOpen) {
    set({ findOpen })
  },
  notify(kind, text) {
    const id = ++toastId
    // At most three: the oldest goes first. Errors stay until dismissed (the user must see them); the rest go by themselves.
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-MAX_TOASTS) })
    if (kind !== 'error') setTimeout(() => get().dismissToast(id), 5000)
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
  async guard(fn) {
    try {
      return await fn()
    } catch (e) {
      // A damaged project with a good backup: offer the backup instead of a toast.
      if (e instanceof ApiCallError && e.details?.backupAvailable === true && typeof e.details.path === 'string') {
        set({ recovery: { path: e.details.path, message: e.message } })
        return undefined
      }
      get().notify('error', e instanceof Error ? e.message : String(e))
      return undefined
    }
  }
})
