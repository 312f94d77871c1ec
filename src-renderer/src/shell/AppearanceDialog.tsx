// View → Appearance…: the colour theme. "Same as the system" follows the
// operating system's light or dark setting (and its changes, at once); Light
// and Dark force one. Kept in the app's settings, for every project; shown
// at once, saved on Save, and Cancel puts back what was shown before.
import { useState } from 'react'
import type { Theme } from '@contract/types'
import { useStore } from '../store'
import { FormModal } from '../ui/FormModal'

const CHOICES: { value: Theme; label: string; help: string }[] = [
  { value: 'system', label: 'Same as the system', help: 'light or dark as the operating system is set' },
  { value: 'light', label: 'Light', help: 'for bright rooms' },
  { value: 'dark', label: 'Dark', help: 'for dark rooms; exports keep their light styling' }
]

export function AppearanceDialog({ onClose }: { onClose(): void }) {
  const pref = useStore((s) => s.themePref)
  const setThemePref = useStore((s) => s.setThemePref)
  const guard = useStore((s) => s.guard)
  const [before] = useState(pref)
  const [choice, setChoice] = useState<Theme>(pref)
  const pick = (t: Theme) => {
    setChoice(t)
    // Shown at once, so the choice is seen before it is saved.
    void guard(() => setThemePref(t))
  }
  return (
    <FormModal
      title="Appearance"
      onClose={() => {
        if (choice !== before) void guard(() => setThemePref(before))
        onClose()
      }}
      onSave={onClose}
      canSave
    >
      <fieldset className="theme-choices">
        <legend>Colour theme</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="theme-choice">
            <input type="radio" name="theme" value={c.value} checked={choice === c.value} onChange={() => pick(c.value)} />
            <span>{c.label}</span> <span className="muted">{c.help}</span>
          </label>
        ))}
      </fieldset>
    </FormModal>
  )
}
