// The history UI's dialogs, routed from App's <Dialogs>.
import type { ReactElement } from 'react'
import type { Dialog } from '../store/types'
import { AuditDialog } from './AuditDialog'
import { UserNameDialog } from './UserNameDialog'

export function historyDialog(dialog: Dialog, onClose: () => void): ReactElement | null {
  if (dialog?.kind === 'audit') return <AuditDialog onClose={onClose} />
  if (dialog?.kind === 'userName') return <UserNameDialog onClose={onClose} firstStart={!!dialog.firstStart} />
  return null
}
