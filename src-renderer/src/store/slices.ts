// The store's slices. Each action calls the API and refreshes only what the
// change touches; errors become toasts (see `guard`).
import type { StateCreator } from 'zustand'
import { ApiCallError, call } from '../api'
import type { ImportResult } from '@contract/types'
import type { AppState, EntitiesSlice, LibrarySlice, ProjectSlice, ReaderSlice, UiSlice } from './types'

type Slice<T> = StateCreator<AppState, [], [], T>

export const projectSlice: Slice<ProjectSlice> = (set, get) => ({
  project: null,
  saveState: { dirty: false, saving: false, lastSavedAt: null, error: null },
  recent: [],
  async loadProject() {
    const [project, saveState, documents, entities] = await Promise.all([
      call('project.info'),
      call('project.saveState'),
      call('documents.list'),
      call('entities.list')
    ])
    // Claims belong to the project: the reader and the claims view read them again when they need them.
    set({ project, saveState, documents, entities, selectedEntityId: null, selectedMentions: [], doc: null, mentions: [], claimList: [], claimGroups: [], claimsLoaded: false })
    void get().refreshRecent()
    void get().refreshEntityTypes()
    void get().refreshCoMentions()
    const first = documents[0]
    if (first) await get().openDocument(first.id)
  },
  async refreshRecent() {
    set({ recent: await call('project.recent') })
  }
})

export const librarySlice: Slice<LibrarySlice> = (set, get) => {
  /** Shows the per-file results and opens the first new document. */
  const finishImport = async (results: ImportResult[]) => {
    if (!results.length) return
    set({ lastImport: results })
    await Promise.all([get().refreshDocuments(), call('project.info').then((project) => set({ project }))])
    const first = results.find((r) => r.status === 'imported') ?? results.find((r) => r.status === 'duplicate')
    if (first?.documentId) await get().openDocument(first.documentId)
  }
  return {
    documents: [],
    lastImport: null,
    importProgress: null,
    async refreshDocuments() {
      set({ documents: await call('documents.list') })
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
      const doc = get().doc
      if (doc?.id === a.id) set({ doc: { ...doc, ...(await call('documents.get', { id: a.id })) } })
      await get().refreshDocuments()
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
    if (doc) set({ mentions: await call('mentions.forDocument', { documentId: doc.id }) })
  },
  async tagSpan(span, target) {
    const doc = get().doc
    if (!doc) return null
    // A new entity is created with its first tag: one action, one undo step.
    const mention = await call('mentions.create', { documentId: doc.id, ...('entityId' in target ? { entityId: target.entityId } : { newEntity: target }), ...span })
    const entityId = mention.entityId
    // Show the highlight at once; counts and the entity list follow.
    set({ mentions: [...get().mentions, mention].sort((a, b) => a.start - b.start || b.end - a.end) })
    void get().refreshEntities()
    void get().refreshDocuments()
    void get().refreshCoMentions()
    if (get().selectedEntityId === entityId) void get().selectEntity(entityId)
    return mention
  },
  async removeMention(id) {
    await call('mentions.delete', { id })
    set({ mentions: get().mentions.filter((m) => m.id !== id) })
    void get().refreshEntities()
    void get().refreshDocuments()
    void get().refreshCoMentions()
    const sel = get().selectedEntityId
    if (sel) void get().selectEntity(sel)
  }
})

export const entitiesSlice: Slice<EntitiesSlice> = (set, get) => ({
  entities: [],
  selectedEntityId: null,
  selectedMentions: [],
  async refreshEntities() {
    const [entities] = await Promise.all([call('entities.list')])
    set({ entities })
  },
  async selectEntity(id) {
    if (id === null) {
      set({ selectedEntityId: null, selectedMentions: [] })
      return
    }
    set({ selectedEntityId: id })
    const mentions = await call('entities.mentions', { entityId: id })
    if (get().selectedEntityId === id) set({ selectedMentions: mentions })
  },
  async updateEntity(a) {
    await call('entities.update', a)
    await get().refreshEntities()
  },
  async deleteEntity(id) {
    await call('entities.delete', { id })
    if (get().selectedEntityId === id) set({ selectedEntityId: null, selectedMentions: [] })
    await Promise.all([get().refreshEntities(), get().refreshMentions(), get().refreshDocuments(), get().refreshCoMentions()])
  }
})

// The map's slice lives in ./mapSlice.ts.

let toastId = 0

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
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-4) })
    if (kind === 'info') setTimeout(() => get().dismissToast(id), 5000)
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
