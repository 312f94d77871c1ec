import { useEffect, useRef, useState, type ButtonHTMLAttributes, type RefObject } from 'react'
import { useStore } from '../store'
import { formatTime } from '../ui/format'
import { COMMANDS, type CommandId } from '@contract/commands'
import { shortcutHint, withHint } from '../commands'
import { runCommand, switchProject, useCommandEnabled } from './commands'
import { call } from '../api'
import { HistoryButtons } from '../history'

const APP_NAME = 'Research Workbench'

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

/**
 * "Save Project As…" → "Save project as…": the native menu is in title case,
 * the page in sentence case. Only plain capitalised words are lowered, so
 * GraphML, CSV, W3C and JSON keep their letters.
 */
export function sentenceCase(label: string): string {
  return label.replace(/(?<=\s)[A-Z][a-z]+\b/g, (w) => w.toLowerCase())
}

/** A dropdown item that runs a command; on the right its shortcut, or a hint when it has none. */
function CommandMenuItem({ id, hint, onDone }: { id: CommandId; hint?: string; onDone(): void }) {
  const enabled = useCommandEnabled(id)
  return (
    <button
      type="button"
      role="menuitem"
      disabled={!enabled}
      onClick={() => {
        onDone()
        void runCommand(id)
      }}
    >
      <span>{sentenceCase(COMMANDS[id].label)}</span>
      <span className="muted">{shortcutHint(id) ?? hint ?? ''}</span>
    </button>
  )
}

function ProjectMenu() {
  const [open, setOpen] = useState(false)
  const recent = useStore((s) => s.recent)
  const current = useStore((s) => s.project?.path)
  const ref = useRef<HTMLDivElement>(null)
  useCloseOnOutsideClick(ref, open, setOpen)
  const item = (id: CommandId, hint?: string) => (
    <CommandMenuItem id={id} hint={hint} onDone={() => setOpen(false)} />
  )
  return (
    <div className="menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Project ▾
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          {item('project.new')}
          {item('project.open')}
          {item('project.saveAs')}
          {item('project.exportOneFile', 'originals inside, to share')}
          <div className="menu-sep" />
          {item('history.audit', 'who changed what')}
          {item('settings.userName', 'for the activity log')}
          {item('view.appearance', 'light, dark or as the system')}
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

/** The data exports, with what reads each format. */
const DATA_EXPORTS: { id: CommandId; hint: string }[] = [
  { id: 'export.graphml', hint: 'Gephi, yEd, networkx' },
  { id: 'export.gexf', hint: 'Gephi' },
  { id: 'export.gexfCoMentions', hint: 'Gephi, with same-paragraph co-mentions' },
  { id: 'export.csv', hint: 'nodes, edges, claims, passages + README' },
  { id: 'export.ftm', hint: 'Aleph and FtM tools' },
  { id: 'export.w3c', hint: 'mentions and claims, JSON-LD' },
  { id: 'export.cyjs', hint: 'Cytoscape desktop' }
]

function ExportMenu() {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useCloseOnOutsideClick(ref, open, setOpen)
  const close = () => setOpen(false)
  return (
    <div className="menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          <CommandMenuItem id="export.mapPng" onDone={close} />
          <CommandMenuItem id="export.report" hint="Word or HTML" onDone={close} />
          <div className="menu-sep" />
          <div className="menu-label muted">Data</div>
          {DATA_EXPORTS.map((f) => (
            <CommandMenuItem key={f.id} id={f.id} hint={f.hint} onDone={close} />
          ))}
          <div className="menu-sep" />
          <CommandMenuItem id="annotations.import" hint=".jsonld" onDone={close} />
        </div>
      )}
    </div>
  )
}

/** A button that runs a command: its label from the declaration (in sentence case), disabled when the command is. */
function CommandButton({ id, text, ...rest }: { id: CommandId; text?: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'id' | 'onClick'>) {
  const enabled = useCommandEnabled(id)
  return (
    <button type="button" disabled={!enabled} title={withHint(sentenceCase(COMMANDS[id].label).replace(/…$/, ''), id)} onClick={() => void runCommand(id)} {...rest}>
      {text ?? sentenceCase(COMMANDS[id].label)}
    </button>
  )
}

/** A side pane's show/hide toggle: pressed while the pane is shown. */
function PaneToggle({ id, name, side }: { id: 'view.toggleLibrary' | 'view.toggleEntities'; name: string; side: 'left' | 'right' }) {
  const shown = useStore((s) => !(side === 'left' ? s.panes.libraryCollapsed : s.panes.entitiesCollapsed))
  return (
    <button type="button" className="pane-toggle" aria-label={`${name} pane`} aria-pressed={shown} title={withHint(`${shown ? 'Hide' : 'Show'} the ${name.toLowerCase()} pane`, id)} onClick={() => void runCommand(id)}>
      <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
        <rect x="0.75" y="0.75" width="16.5" height="12.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <rect x={side === 'left' ? 1.5 : 11} y="1.5" width="5.5" height="11" fill={shown ? 'currentColor' : 'none'} />
        <line x1={side === 'left' ? 7 : 11} y1="1" x2={side === 'left' ? 7 : 11} y2="13" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </button>
  )
}

export function TopBar() {
  const project = useStore((s) => s.project)
  const view = useStore((s) => s.view)
  return (
    <header className="topbar">
      {/* The default project is named after the app: its name alone says both, rather than "Research Workbench" twice. */}
      {project?.name !== APP_NAME && <div className="brand">{APP_NAME}</div>}
      <div className="project-name" title={project?.path}>
        {project?.name ?? '…'}
      </div>
      <SaveIndicator />
      <nav className="topbar-actions" aria-label="Main">
        <CommandButton id="file.open" text="Open…" />
        <HistoryButtons />
        <ProjectMenu />
        <PaneToggle id="view.toggleLibrary" name="Library" side="left" />
        <div className="segmented" role="tablist" aria-label="View">
          <CommandButton id="view.reader" role="tab" aria-selected={view === 'reader'} />
          <CommandButton id="view.map" role="tab" aria-selected={view === 'map'} />
          <CommandButton id="view.claims" role="tab" aria-selected={view === 'claims'} />
        </div>
        <PaneToggle id="view.toggleEntities" name="Entities" side="right" />
        <ExportMenu />
      </nav>
    </header>
  )
}
