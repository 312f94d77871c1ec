// A node's right-click menu: pin or unpin it, or focus the map on the
// entities within one to three steps of it (a filter saved with the map).
// Opened from the keyboard (the context-menu key on the map), it takes the
// focus and Up/Down move between its items; Escape closes it (the shell's
// Escape command, through escapeLayers.ts).
import { useEffect, useRef } from 'react'
import type { MapFilters } from '@contract/types'
import { useStore } from '../../store'
import type { NodeMenuAt } from './cyEvents'

interface Props {
  menu: NodeMenuAt
  name: string
  pinned: boolean
  filters: MapFilters
  onPin(ids: number[], pin: boolean): void
  onClose(): void
  /** Opened from the keyboard: focus its first item. */
  autoFocus?: boolean
}

export function NodeMenu({ menu, name, pinned, filters, onPin, onClose, autoFocus }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  }, [autoFocus, menu])
  const setMapFilters = useStore((s) => s.setMapFilters)
  const guard = useStore((s) => s.guard)
  /** Runs a menu item, then closes the menu. */
  const item = (run: () => void) => () => {
    run()
    onClose()
  }
  return (
    <div
      className="map-menu"
      role="menu"
      aria-label={`Node ${name}`}
      ref={ref}
      style={{ left: menu.x, top: menu.y }}
      onMouseLeave={onClose}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
        e.preventDefault()
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
        const at = items.indexOf(document.activeElement as HTMLButtonElement)
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
      }}
    >
      <div className="menu-label">{name}</div>
      <button type="button" role="menuitem" onClick={item(() => onPin([menu.entityId], !pinned))}>
        {pinned ? 'Unpin' : 'Pin here'}
      </button>
      {([1, 2, 3] as const).map((hops) => (
        <button key={hops} type="button" role="menuitem" onClick={item(() => void guard(() => setMapFilters({ ...filters, focus: { entityId: menu.entityId, hops } })))}>
          Focus: {hops} {hops === 1 ? 'step' : 'steps'} around
        </button>
      ))}
      {filters.focus && (
        <button type="button" role="menuitem" onClick={item(() => void guard(() => setMapFilters({ ...filters, focus: null })))}>
          Show the whole map
        </button>
      )}
    </div>
  )
}
