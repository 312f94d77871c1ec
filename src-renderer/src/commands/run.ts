// Running one command implementation: the same rules for a key, a menu click
// and a button. Features use it for their own buttons (which hold their own
// implementation objects); the shell's registry uses it for everything by id.
import { useStore } from '../store'
import type { CommandImpl, CommandSource } from './types'

/** Performs `impl` if it is enabled; otherwise explains why (not for keys). Resolves to whether it ran. */
export async function runImpl(impl: CommandImpl, source: CommandSource): Promise<boolean> {
  const s = useStore.getState()
  if (!impl.enabled(s)) {
    const why = source === 'key' ? undefined : impl.whyDisabled?.(s)
    if (why) s.notify('info', why)
    return false
  }
  await impl.perform(s)
  return true
}
