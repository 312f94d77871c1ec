// The name written beside every change in the activity log.
import { useEffect, useState } from 'react'
import { call } from '../api'
import { Modal } from '../shell/Modal'
import { useStore } from '../store'
import './history.css'

export function UserNameDialog({ onClose }: { onClose(): void }) {
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [current, setCurrent] = useState<string | null>(null)
  const [name, setName] = useState('')
  useEffect(() => {
    void guard(() => call('settings.userName')).then((s) => {
      if (!s) return
      setCurrent(s.userName)
      setName(s.userName)
    })
  }, [guard])
  const clean = name.trim()
  const save = async () => {
    if (!clean) return
    const s = await guard(() => call('settings.setUserName', { userName: clean }))
    if (!s) return
    notify('info', `Changes are now recorded as “${s.userName}”`)
    onClose()
  }
  return (
    <Modal
      title="Your name"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!clean || clean.length > 100 || clean === current} onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label htmlFor="user-name">Name</label>
        <input id="user-name" value={name} maxLength={100} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        <button type="submit" hidden />
      </form>
      <p className="muted username-help">
        Written beside every change you make from now on, in the activity log kept in the project file. Earlier entries keep the name they were made under.
      </p>
    </Modal>
  )
}
