// Which keyboard the user has: macOS (Cmd, glyph hints) or not (Ctrl), and
// whether the page runs inside Electron (where the native menu delivers some
// keys itself). Detected once from the browser, and injectable so tests can
// render hints and match keys for any platform.
import { platformOf, type Platform } from '@contract/commands'

export interface KeyEnv {
  platform: Platform
  /** In Electron the native menu exists (in the browser test harness it does not). */
  inElectron: boolean
}

interface NavigatorLike {
  platform?: string
  userAgent?: string
  userAgentData?: { platform?: string }
}

/** userAgentData says "macOS"/"Windows"/"Linux"; the older navigator.platform "MacIntel"/"Win32"/"Linux x86_64". */
export function detectKeyEnv(nav: NavigatorLike | undefined): KeyEnv {
  const name = nav?.userAgentData?.platform || nav?.platform || ''
  const platform = /^mac|iphone|ipad/i.test(name) ? 'darwin' : /^win/i.test(name) ? 'win32' : platformOf(name)
  return { platform, inElectron: /Electron/.test(nav?.userAgent ?? '') }
}

let current: KeyEnv | null = null

export function keyEnv(): KeyEnv {
  current ??= detectKeyEnv(typeof navigator === 'undefined' ? undefined : navigator)
  return current
}

/** For tests: pretend to be another platform (null = detect again). */
export function setKeyEnv(env: KeyEnv | null): void {
  current = env
}
