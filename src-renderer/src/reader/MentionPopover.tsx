// Shown when a highlight is clicked: which entities the words are tagged
// with, with "show entity" and "remove mention".
import { useEffect, useRef } from 'react'
import type { Mention } from '@contract/types'
import { useTypeLookup } from '../colors'
import { useStore } from '../store'
import { trapTab, useFocusReturn } from '../ui/useFocusTrap'

interface Props {
  x: number
  y: number
  mentions: Mention[]
  onClose(): void
}

export function MentionPopover({ x, y, mentions, onClose }: Props) {
  const entities = useStore((s) => s.entities)
  const selectEntity = useStore((s) => s.selectEntity)
  const removeMention = useStore((s) => s.removeMention)
  const guard = useStore((s) => s.guard)
  const typeOf = useTypeLookup()
  const ref = useRef<HTMLDivElement>(null)
  useFocusReturn()
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), [])

  return (
    <div
      ref={ref}
      className="popover mention-popover"
      style={{ left: x, top: y }}
      role="dialog"
      aria-label="Mention"
      onMouseDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        trapTab(e, ref.current)
        if (e.key === 'Escape') onClose()
      }}
    >
      {mentions.map((m) => {
        const ent = entities.find((e) => e.id === m.entityId)
        const t = typeOf(ent?.type ?? '')
        return (
          <div key={m.id} className="mention-row">
            <div className="mention-head">
              <span className="dot" style={{ background: t.color }} />
              <strong>{ent?.name ?? 'Unknown entity'}</strong>
              <span className="muted">{t.label}</span>
            </div>
            <div className="quote">“{m.quote}”</div>
            <div className="row-actions">
              <button
                type="button"
                onClick={() => {
                  void selectEntity(m.entityId)
                  onClose()
                }}
              >
                Show entity
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  void guard(() => removeMention(m.id))
                  onClose()
                }}
              >
                Remove mention
              </button>
            </div>
          </div>
        )
      })}
    </div>
  )
}
