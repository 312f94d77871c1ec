import { useEffect, useRef, type ReactNode } from 'react'
import { trapTab } from './useFocusTrap'

interface Props {
  title: string
  onClose(): void
  children: ReactNode
  footer: ReactNode
}

/** A modal dialog: focus moves in and stays in (Tab wraps), Esc closes, the backdrop click closes; the focus goes back where it was. */
export function Modal({ title, onClose, children, footer }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
    return () => {
      if (prev?.isConnected) prev.focus({ preventScroll: true })
    }
  }, [])
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          trapTab(e, ref.current)
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <h2 className="modal-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </div>
    </div>
  )
}
