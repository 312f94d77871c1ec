// The handle between a side pane and the centre: drag it, or focus it and
// use the arrow keys (Shift for bigger steps), Home/End for the narrowest and
// widest, Enter to fold the pane away or bring it back. This is the WAI-ARIA
// "window splitter" pattern: a focusable role="separator" whose value is the
// pane's width, so a screen reader says how wide the pane is.
//
// Trade-off: the drag changes the width on every pointer move (the store
// writes it to the settings a moment after the last change), with pointer
// capture so a fast drag over the map's canvas is not lost to Cytoscape.
import { useRef } from 'react'
import { PANE_MIN } from '../store/roomSlice'

const STEP = 16
const BIG_STEP = 64

interface Props {
  /** Which pane it sizes; `left` panes grow as the handle moves right. */
  side: 'left' | 'right'
  label: string
  controls: string
  width: number
  /** The widest it may be now (a share of the window). */
  max: number
  onWidth(width: number): void
  onToggle(): void
}

export function PaneSeparator({ side, label, controls, width, max, onWidth, onToggle }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const sign = side === 'left' ? 1 : -1
  return (
    <div
      className={`pane-separator ${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={PANE_MIN}
      aria-valuemax={max}
      tabIndex={0}
      title={`${label}: drag, or use the arrow keys; Enter hides the pane`}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        drag.current = { x: e.clientX, width }
      }}
      onPointerMove={(e) => {
        if (!drag.current) return
        onWidth(Math.min(max, drag.current.width + sign * (e.clientX - drag.current.x)))
      }}
      onPointerUp={(e) => {
        drag.current = null
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? BIG_STEP : STEP
        const moves: Record<string, number> = { ArrowLeft: -sign * step, ArrowRight: sign * step }
        if (e.key in moves) onWidth(Math.min(max, width + moves[e.key]!))
        else if (e.key === 'Home') onWidth(PANE_MIN)
        else if (e.key === 'End') onWidth(max)
        else if (e.key === 'Enter') onToggle()
        else return
        e.preventDefault()
      }}
    />
  )
}
