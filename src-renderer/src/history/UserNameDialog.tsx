// The name written beside every change in the activity log. On first start
// (no name chosen yet) the app asks, offering the operating system's full name
// (never a bare "root"); Cancel keeps that name for now and asks again next time.
import { useEffect, useState } from 'react'
import { call } from '../api'
import { FormModal } from '../ui/FormModal'
import { useStore } from '../store'
import './history.css'

export function UserNameDialog({ onClose, firstStart = false }: { onClose(): void; firstStart?: boolean }) {
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [current, setCurrent] = useState<string | null>(null)
  const [name, setName] = useState('')
  useEffect(() => {
    void guard(() => call('settings.userName')).then((s) => {
      if (!s) return
      setCurrent(s.chosen === false ? null : s.userName)
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
    <FormModal
      title={firstStart ? 'Welcome: your name' : 'Your name'}
      onClose={onClose}
      onSave={() => void save()}
      canSave={!!clean && clean.length <= 100 && clean !== current}
      after={
        <p className="muted username-help">
          {firstStart ? 'Which name should the activity log record for your changes? ' : ''}Written beside every change you make from now on, in the activity log kept in the project file. Earlier entries keep the name they were made under.
        </p>
      }
    >
      <label htmlFor="user-name">Name</label>
      <input id="user-name" value={name} maxLength={100} autoComplete="name" placeholder="Your name, as colleagues know it" onChange={(e) => setName(e.target.value)} />
    </FormModal>
  )
}
