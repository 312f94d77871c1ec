import { useEffect, useState } from 'react'
import { call, onAppEvent } from './api'
import { ClaimDialog } from './claims/ClaimDialog'
import { ClaimsPane } from './claims/ClaimsPane'
import { DeleteClaimDialog } from './claims/DeleteClaimDialog'
import { ReportDialog } from './claims/ReportDialog'
import { DeleteEntityDialog } from './entities/DeleteEntityDialog'
import { EntitiesPane } from './entities/EntitiesPane'
import { EntityTypesDialog } from './entities/EntityTypesDialog'
import { MergeDialog } from './entities/MergeDialog'
import { TagAllDialog } from './entities/TagAllDialog'
import { historyDialog } from './history/HistoryDialogs'
import { DocumentMetaDialog } from './library/DocumentMetaDialog'
import { DropZone } from './library/DropZone'
import { LibraryPane } from './library/LibraryPane'
import { ExportPngDialog } from './map/ExportPngDialog'
import { MapView } from './map/MapView'
import { Reader } from './reader/Reader'
import { onShortcutKey, runCommand } from './shell/commands'
import { AppearanceDialog } from './shell/AppearanceDialog'
import { RecoveryBanner } from './shell/RecoveryBanner'
import { TopBar } from './shell/TopBar'
import { Workspace } from './shell/Workspace'
import { useStore } from './store'

function Toasts() {
  const toasts = useStore((s) => s.toasts)
  const dismiss = useStore((s) => s.dismissToast)
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}

function Dialogs() {
  const dialog = useStore((s) => s.dialog)
  const openDialog = useStore((s) => s.openDialog)
  const close = () => openDialog(null)
  if (!dialog) return null
  if (dialog.kind === 'audit' || dialog.kind === 'userName') return historyDialog(dialog, close)
  if (dialog.kind === 'deleteEntity') return <DeleteEntityDialog entityId={dialog.entityId} onClose={close} />
  if (dialog.kind === 'tagAll') return <TagAllDialog entityId={dialog.entityId} onClose={close} />
  if (dialog.kind === 'merge') return <MergeDialog entityId={dialog.entityId} onClose={close} />
  if (dialog.kind === 'entityTypes') return <EntityTypesDialog onClose={close} />
  if (dialog.kind === 'claim') return <ClaimDialog key={JSON.stringify(dialog)} dialog={dialog} onClose={close} />
  if (dialog.kind === 'deleteClaim') return <DeleteClaimDialog claimId={dialog.claimId} onClose={close} />
  if (dialog.kind === 'report') return <ReportDialog onClose={close} />
  if (dialog.kind === 'appearance') return <AppearanceDialog onClose={close} />
  if (dialog.kind === 'docMeta') return <DocumentMetaDialog documentId={dialog.documentId} onClose={close} />
  return <ExportPngDialog onClose={close} />
}

export function App() {
  const view = useStore((s) => s.view)
  // Map focus mode: only the map and its toolbar (the top bar and the panes step aside).
  const focus = useStore((s) => s.mapFocus) && view === 'map'
  const [fatal, setFatal] = useState<string | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    const off = onAppEvent((e) => {
      if (e.kind === 'save') {
        // Tell the user once when saving starts failing; edits stay in memory.
        const before = useStore.getState().saveState.error
        useStore.setState({ saveState: e.state })
        if (e.state.error && e.state.error !== before) useStore.getState().notify('error', e.state.error)
      }
      else if (e.kind === 'import') useStore.setState({ importProgress: e.progress.current === null ? null : e.progress })
      else if (e.kind === 'menu') void runCommand(e.command, 'menu')
      else if (e.kind === 'project' && e.info.path !== useStore.getState().project?.path) void useStore.getState().guard(useStore.getState().loadProject)
    })
    call('app.bootstrap')
      .then(async (boot) => {
        if (boot.damaged?.backupAvailable) useStore.getState().setRecovery({ path: boot.damaged.path, message: boot.notice ?? '' })
        else if (boot.notice) useStore.getState().notify('error', boot.notice)
        await useStore.getState().loadProject()
        void useStore.getState().guard(useStore.getState().loadTheme)
        // First start: ask the name the activity log records (the OS full name offered), before any change is made.
        void useStore.getState().guard(() => call('settings.userName')).then((u) => {
          if (u && u.chosen === false && !useStore.getState().dialog) useStore.getState().openDialog({ kind: 'userName', firstStart: true })
        })
        setReady(true)
      })
      .catch((e: Error) => setFatal(e.message))
    // Every declared shortcut (src-main/contract/commands.ts), matched in one place.
    window.addEventListener('keydown', onShortcutKey)
    return () => {
      off()
      window.removeEventListener('keydown', onShortcutKey)
    }
  }, [])

  if (fatal) {
    return (
      <div className="fatal" role="alert">
        <h1>Research Workbench could not start</h1>
        <p>{fatal}</p>
      </div>
    )
  }

  return (
    <div className="app" data-ready={ready}>
      {!focus && <TopBar />}
      <RecoveryBanner />
      <Workspace
        library={<LibraryPane />}
        center={
          <section className="center" aria-label={view === 'map' ? 'Map' : view === 'claims' ? 'Claims' : 'Reader'}>
            {view === 'map' ? <MapView /> : view === 'claims' ? <ClaimsPane /> : <Reader />}
          </section>
        }
        entities={<EntitiesPane />}
      />
      <Dialogs />
      <DropZone />
      <Toasts />
    </div>
  )
}
