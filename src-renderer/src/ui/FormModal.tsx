import type { ReactNode } from 'react'
import { Modal } from './Modal'

interface Props {
  title: string
  onClose(): void
  onSave(): void
  canSave: boolean
  /** The form's labelled fields (a two-column grid). */
  children: ReactNode
  /** Shown under the form: help or provenance. */
  after?: ReactNode
}

/** A modal with one small form: Enter or Save saves, Cancel or Esc closes. */
export function FormModal({ title, onClose, onSave, canSave, children, after }: Props) {
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!canSave} onClick={onSave}>
            Save
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          if (canSave) onSave()
        }}
      >
        {children}
        <button type="submit" hidden />
      </form>
      {after}
    </Modal>
  )
}
