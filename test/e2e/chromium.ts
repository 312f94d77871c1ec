// Finds a Chromium for the e2e tests: CHROMIUM_PATH, then Debian's
// /usr/bin/chromium, then Playwright's own download.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', safePlaywrightPath()]
  const found = candidates.find((p): p is string => !!p && existsSync(p))
  if (!found) {
    throw new Error('No Chromium found: install one with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).')
  }
  return found
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}
