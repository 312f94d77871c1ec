// The project's named maps: pick one, make a new one (empty or a copy of
// this one), rename or delete it. Each keeps its own filters and places.
import { useState } from 'react'
import { useStore } from '../store'

type Mode = { kind: 'new'; copy: boolean } | { kind: 'rename' } | { kind: 'delete' } | null

export function MapsMenu() {
  const maps = useStore((s) => s.maps)
  const active = useStore((s) => s.activeMap)
  const openMap = useStore((s) => s.openMap)
  const createMap = useStore((s) => s.createMap)
  const renameMap = useStore((s) => s.renameMap)
  const deleteMap = useStore((s) => s.deleteMap)
  const guard = useStore((s) => s.guard)
  const [mode, setMode] = useState<Mode>(null)
  const [name, setName] = useState('')
  const [more, setMore] = useState(false)

  /** Opens an inline form (or the delete confirmation), closing the ⋯ menu; `startName` fills the name field. */
  const start = (next: Mode, startName?: string) => {
    setMore(false)
    if (startName !== undefined) setName(startName)
    setMode(next)
  }

  const nextName = () => {
    for (let n = maps.length + 1; ; n++) if (!maps.some((m) => m.name.toLocaleLowerCase() === `map ${n}`)) return `Map ${n}`
  }

  if (mode && mode.kind !== 'delete') {
    const submit = async () => {
      const ok = await guard(async () => {
        if (mode.kind === 'new') await createMap(name, mode.copy && active ? active.id : undefined)
        else if (active) await renameMap(active.id, name)
        return true
      })
      if (ok) setMode(null)
    }
    return (
      <form
        className="maps-menu editing"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <input
          aria-label={mode.kind === 'new' ? 'New map name' : 'Map name'}
          autoFocus
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setMode(null))}
        />
        <button type="submit" className="primary" disabled={!name.trim()}>
          {mode.kind === 'new' ? 'Create map' : 'Rename'}
        </button>
        <button type="button" onClick={() => setMode(null)}>
          Cancel
        </button>
      </form>
    )
  }

  if (mode?.kind === 'delete' && active) {
    return (
      <div className="maps-menu editing" role="group" aria-label="Delete map">
        <span>Delete “{active.name}”?</span>
        <button
          type="button"
          className="danger primary"
          onClick={() => void guard(() => deleteMap(active.id)).then(() => setMode(null))}
        >
          Delete map
        </button>
        <button type="button" onClick={() => setMode(null)}>
          Cancel
        </button>
      </div>
    )
  }

  return (
    <div className="maps-menu">
      <select aria-label="Map view" value={active?.id ?? ''} onChange={(e) => void guard(() => openMap(Number(e.target.value)))}>
        {maps.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        title="A new map of this project, showing everything"
        onClick={() => start({ kind: 'new', copy: false }, nextName())}
      >
        New map…
      </button>
      <div className="menu">
        <button type="button" aria-haspopup="menu" aria-expanded={more} aria-label="More map actions" title="Duplicate, rename or delete this map" onClick={() => setMore(!more)}>
          ⋯
        </button>
        {more && (
          <div className="menu-popup" role="menu" onMouseLeave={() => setMore(false)}>
            <button
              type="button"
              role="menuitem"
              disabled={!active}
              onClick={() => start({ kind: 'new', copy: true }, `${active?.name ?? 'Map'} copy`)}
            >
              <span>Duplicate…</span>
              <span className="muted">with its filters and places</span>
            </button>
            <button
              type="button"
              role="menuitem"
              disabled={!active}
              onClick={() => start({ kind: 'rename' }, active?.name ?? '')}
            >
              <span>Rename…</span>
            </button>
            <button
              type="button"
              role="menuitem"
              className="danger"
              disabled={maps.length < 2}
              title={maps.length < 2 ? 'A project keeps at least one map' : undefined}
              onClick={() => start({ kind: 'delete' })}
            >
              <span>Delete…</span>
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
