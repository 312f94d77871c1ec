// The three-pane workspace: library, centre (reader, map or claims) and
// entities. Each side pane can be resized with its separator and folded away
// into a narrow rail (a button there brings it back; View menu and
// Ctrl/Cmd+Shift+L / +Shift+E too); the layout is remembered per project.
// Focus mode (map view only) shows the centre alone.
//
// Trade-offs: folded panes stay mounted but hidden, so their scroll place,
// filter text and open details survive folding (the cost: their store
// subscriptions keep running). A pane never takes more than a quarter of the
// window, so a layout made on a wide screen still leaves the centre room on
// a narrow one (at 1024 px the map gets 500 px with both panes open); the
// stored width is kept and comes back on the wide screen.
import { useEffect, useState, type ReactNode } from 'react'
import { shortcutHint } from '../commands'
import { useStore } from '../store'
import { PANE_MAX, PANE_MIN } from '../store/roomSlice'
import { runCommand } from './commands'
import { PaneSeparator } from './PaneSeparator'

const RAIL = 30
const SEPARATOR = 6

function useWindowWidth(): number {
  const [w, setW] = useState(() => window.innerWidth)
  useEffect(() => {
    const on = () => setW(window.innerWidth)
    window.addEventListener('resize', on)
    return () => window.removeEventListener('resize', on)
  }, [])
  return w
}

/** The narrow strip a folded pane leaves: its name, and a button that brings it back. */
function Rail({ side, name, command }: { side: 'left' | 'right'; name: string; command: 'view.toggleLibrary' | 'view.toggleEntities' }) {
  const hint = shortcutHint(command)
  return (
    <div className={`pane-rail ${side}`}>
      <button type="button" aria-label={`Show ${name.toLowerCase()}`} title={`Show the ${name.toLowerCase()} pane${hint ? ` (${hint})` : ''}`} onClick={() => void runCommand(command)}>
        <span aria-hidden="true">{side === 'left' ? '›' : '‹'}</span>
        <span className="pane-rail-name" aria-hidden="true">
          {name}
        </span>
      </button>
    </div>
  )
}

interface Props {
  library: ReactNode
  center: ReactNode
  entities: ReactNode
}

export function Workspace({ library, center, entities }: Props) {
  const panes = useStore((s) => s.panes)
  const setPanes = useStore((s) => s.setPanes)
  const view = useStore((s) => s.view)
  const mapFocus = useStore((s) => s.mapFocus)
  const setMapFocus = useStore((s) => s.setMapFocus)
  const projectPath = useStore((s) => s.project?.path)
  const loadPanes = useStore((s) => s.loadPanes)
  const guard = useStore((s) => s.guard)
  const winWidth = useWindowWidth()

  useEffect(() => {
    if (projectPath) void guard(loadPanes)
  }, [projectPath, guard, loadPanes])
  // Focus mode belongs to the map: another view leaves it.
  useEffect(() => {
    if (view !== 'map' && mapFocus) setMapFocus(false)
  }, [view, mapFocus, setMapFocus])

  const focus = mapFocus && view === 'map'
  const cap = Math.min(PANE_MAX, Math.max(PANE_MIN, Math.floor(winWidth / 4)))
  const libWidth = Math.min(panes.libraryWidth, cap)
  const entWidth = Math.min(panes.entitiesWidth, cap)
  const libOpen = !focus && !panes.libraryCollapsed
  const entOpen = !focus && !panes.entitiesCollapsed

  // One column per grid child shown, in order.
  const cols: string[] = []
  if (libOpen) cols.push(`${libWidth}px`, `${SEPARATOR}px`)
  else if (!focus) cols.push(`${RAIL}px`)
  cols.push('minmax(0, 1fr)')
  if (entOpen) cols.push(`${SEPARATOR}px`, `${entWidth}px`)
  else if (!focus) cols.push(`${RAIL}px`)

  return (
    <main className={`workspace${focus ? ' focus' : ''}`} style={{ gridTemplateColumns: cols.join(' ') }} data-focus={focus}>
      <div className="pane-slot" id="pane-library" hidden={!libOpen}>
        {library}
      </div>
      {!libOpen && !focus && <Rail side="left" name="Library" command="view.toggleLibrary" />}
      {libOpen && (
        <PaneSeparator
          side="left"
          label="Library width"
          controls="pane-library"
          width={libWidth}
          max={cap}
          onWidth={(w) => setPanes({ libraryWidth: w })}
          onToggle={() => void runCommand('view.toggleLibrary')}
        />
      )}
      {center}
      {entOpen && (
        <PaneSeparator
          side="right"
          label="Entities width"
          controls="pane-entities"
          width={entWidth}
          max={cap}
          onWidth={(w) => setPanes({ entitiesWidth: w })}
          onToggle={() => void runCommand('view.toggleEntities')}
        />
      )}
      <div className="pane-slot" id="pane-entities" hidden={!entOpen}>
        {entities}
      </div>
      {!entOpen && !focus && <Rail side="right" name="Entities" command="view.toggleEntities" />}
    </main>
  )
}
