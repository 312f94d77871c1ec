// Offered when a project could not be opened but its last good save (the
// backup kept beside it) can: opens a copy, never touching either file.
import { call } from '../api'
import { useStore } from '../store'
import { switchProject } from './commands'

export function RecoveryBanner() {
  const recovery = useStore((s) => s.recovery)
  const setRecovery = useStore((s) => s.setRecovery)
  if (!recovery) return null
  const name = recovery.path.split(/[\\/]/).pop()
  return (
    <div className="recovery-banner" role="alert">
      <div title={recovery.message}>
        <strong>{name} is damaged and could not be opened.</strong>
        <div className="muted">The file is left exactly as it is. Its last good save can be opened as a new copy beside it.</div>
      </div>
      <button
        type="button"
        className="primary"
        onClick={() => {
          setRecovery(null)
          void switchProject(() => call('project.openBackup', { path: recovery.path }))
        }}
      >
        Open last good backup
      </button>
      <button type="button" onClick={() => setRecovery(null)}>
        Dismiss
      </button>
    </div>
  )
}
