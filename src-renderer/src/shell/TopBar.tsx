import { useEffect, useRef, useState, type RefObject } from 'react'
import { useStore } from '../store'
import { formatTime } from '../ui/format'
import type { DataExportFormat } from '@contract/api'
import { exportData, importAnnotations, runCommand, switchProject } from './commands'
import { call } from '../api'
import { HistoryButtons } from '../history'

function SaveIndicator() {
  const s = useStore((st) => st.saveState)
  const text = s.error ? 'Not saved' : s.saving ? 'Saving…' : s.dirty ? 'Edited' : 'Saved'
  return (
    <span className={`save-indicator ${s.error ? 'error' : ''}`} role="status" aria-live="polite" title={s.error ?? (s.lastSavedAt ? `Last saved ${formatTime(s.lastSavedAt)}` : '')}>
      {text}
    </span>
  )
}

/** Closes a dropdown when the mouse goes down anywhere outside it. */
function useCloseOnOutsideClick(ref: RefObject<HTMLElement | null>, open: boolean, setOpen: (open: boolean) => void) {
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false)
    window.addEventListener('mousedown', onDown)
    return () => window.removeEventListener('mousedown', onDown)
  }, [ref, open, setOpen])
}

function ProjectMenu() {
  const [open, setOpen] = useState(false)
  const recent = useStore((s) => s.recent)
  const current = useStore((s) => s.project?.path)
  const ref = useRef<HTMLDivElement>(null)
  useCloseOnOutsideClick(ref, open, setOpen)
  const item = (label: string, hint: string, fn: () => void) => (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        setOpen(false)
        fn()
      }}
    >
      <span>{label}</span>
      <span className="muted">{hint}</span>
    </button>
  )
  return (
    <div className="menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Project ▾
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          {item('New project…', 'Ctrl+Shift+N', () => void runCommand('project.new'))}
          {item('Open project…', 'Ctrl+Shift+O', () => void runCommand('project.open'))}
          {item('Save project as…', 'Ctrl+Shift+S', () => void runCommand('project.saveAs'))}
          <div className="menu-sep" />
          {item('Activity log…', 'who changed what', () => void runCommand('history.audit'))}
          {item('Your name…', 'for the activity log', () => void runCommand('settings.userName'))}
          <div className="menu-sep" />
          <div className="menu-label muted">Recent projects</div>
          {recent
            .filter((r) => r.path !== current)
            .map((r) => (
              <button key={r.path} type="button" role="menuitem" title={r.path} onClick={() => (setOpen(false), void switchProject(() => call('project.openRecent', { path: r.path })))}>
                <span>{r.name}</span>
                <span className="muted path">{r.path}</span>
              </button>
            ))}
          {recent.filter((r) => r.path !== current).length === 0 && <div className="menu-label muted">None yet</div>}
        </div>
      )}
    </div>
  )
}

const DATA_FORMATS: { format: DataExportFormat; label: string; hint: string }[] = [
  { format: 'graphml', label: 'GraphML…', hint: 'Gephi, yEd, networkx' },
  { format: 'gexf', label: 'GEXF…', hint: 'Gephi' },
  { format: 'csv', label: 'CSV tables…', hint: 'nodes, edges, mentions, claims' },
  { format: 'ftm', label: 'FollowTheMoney JSON…', hint: 'Aleph and FtM tools' },
  { format: 'w3c', label: 'W3C Web Annotations…', hint: 'every mention, JSON-LD' },
  { format: 'cyjs', label: 'Cytoscape JSON…', hint: 'Cytoscape desktop' }
]

function ExportMenu() {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useCloseOnOutsideClick(ref, open, setOpen)
  const run = (fn: () => void) => () => {
    setOpen(false)
    fn()
  }
  return (
    <div className="menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          <button type="button" role="menuitem" onClick={run(() => void runCommand('export.mapPng'))}>
            <span>Map image…</span>
            <span className="muted">Ctrl+E</span>
          </button>
          <div className="menu-sep" />
          <div className="menu-label muted">Data</div>
          {DATA_FORMATS.map((f) => (
            <button key={f.format} type="button" role="menuitem" onClick={run(() => void exportData(f.format))}>
              <span>{f.label}</span>
              <span className="muted">{f.hint}</span>
            </button>
          ))}
          <div className="menu-sep" />
          <button type="button" role="menuitem" onClick={run(() => void importAnnotations())}>
            <span>Import W3C annotations…</span>
            <span className="muted">.jsonld</span>
          </button>
        </div>
      )}
    </div>
  )
}

export function TopBar() {
  const project = useStore((s) => s.project)
  const view = useStore((s) => s.view)
  const setView = useStore((s) => s.setView)
  return (
    <header className="topbar">
      <div className="brand">Research Workbench</div>
      <div className="project-name" title={project?.path}>
        {project?.name ?? '…'}
      </div>
      <SaveIndicator />
      <nav className="topbar-actions" aria-label="Main">
        <button type="button" onClick={() => void runCommand('file.open')} title="Open articles (Ctrl+O)">
          Open…
        </button>
        <HistoryButtons />
        <ProjectMenu />
        <div className="segmented" role="tablist" aria-label="View">
          <button type="button" role="tab" aria-selected={view === 'reader'} onClick={() => setView('reader')} title="Reader (Ctrl+1)">
            Reader
          </button>
          <button type="button" role="tab" aria-selected={view === 'map'} onClick={() => setView('map')} title="Map (Ctrl+2)">
            Map
          </button>
          <button type="button" role="tab" aria-selected={view === 'claims'} onClick={() => setView('claims')} title="Claims (Ctrl+3)">
            Claims
          </button>
        </div>
        <ExportMenu />
      </nav>
    </header>
  )
}
