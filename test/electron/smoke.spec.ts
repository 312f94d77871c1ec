// Electron smoke test: the real app in the real Electron, where its binary
// exists. Here (no download possible) it skips and says so.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const REPO = resolve(import.meta.dirname, '../..')

function electronBinary(): string | null {
  // Read the package's path.txt ourselves: require('electron') would try to
  // download the binary when it is missing, and nothing may leave the machine.
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathTxt = join(pkgDir, 'path.txt')
    if (!existsSync(pathTxt)) return null
    const exe = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim())
    return existsSync(exe) ? exe : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const SKIP_MESSAGE = 'Electron smoke test SKIPPED: the Electron binary is not installed on this machine (a plain `npm install` with internet access downloads it).'

test.describe('Electron smoke', () => {
  test('the window is hardened and opens the sample article', async () => {
    if (!binary) {
      console.log(SKIP_MESSAGE)
      test.skip(true, SKIP_MESSAGE)
      return
    }
    const userData = mkdtempSync(join(tmpdir(), 'rwb-electron-'))
    const app = await electron.launch({ executablePath: binary!, args: [REPO], env: { ...process.env, RWB_USER_DATA: userData } })
    try {
      const page = await app.firstWindow()
      await page.locator('.app[data-ready="true"]').waitFor()
      await expect(page.locator('.reader-page h1').first()).toContainText('Scale AI Secures')
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())
      expect(url.startsWith('app://workbench/')).toBe(true)
      // window.open is denied: no second window appears.
      await page.evaluate(() => window.open('app://workbench/index.html'))
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        bridge: Object.keys((window as unknown as { rwb: object }).rwb).sort()
      }))
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'onEvent'] })
      // A request to the outside is refused.
      const fetched = await page.evaluate(() => fetch('https://example.org/').then(() => 'fetched', () => 'blocked'))
      expect(fetched).toBe('blocked')
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
