// Chromium for the benchmarks, found and started as test/e2e/chromium.ts does
// for the e2e tests: CHROMIUM_PATH, then Debian's chromium, then Playwright's own.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export function findChromium() {
  let own
  try {
    own = chromium.executablePath()
  } catch {
    own = undefined
  }
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', own].find((p) => p && existsSync(p))
  if (!found) throw new Error('No Chromium found: install one (apt-get install -y chromium) or set CHROMIUM_PATH.')
  return found
}

/**
 * Chromium's headless shell (Debian's chromium-headless-shell), or null: the
 * content layer with a minimal embedder, no browser UI, the process model
 * Electron has. The full browser's headless mode is all of Chrome without a
 * window: its profile services, a WebUI renderer for the tab strip and a
 * spare renderer, 403 MB with a blank page against the shell's 196 MB here.
 */
export function findHeadlessShell() {
  return [process.env.CHROMIUM_HEADLESS_SHELL_PATH, '/usr/bin/chromium-headless-shell'].find((p) => p && existsSync(p)) ?? null
}
