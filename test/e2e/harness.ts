// The e2e harness: the built renderer in real Chromium, with the preload
// bridge replaced by page.exposeBinding into the same handler table that
// Electron's ipcMain uses, over a real project file in a temp folder.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { AppEvent } from '../../src-main/contract/types'
import type { AppCore as AppCoreT } from '../../src-main/core/app/appCore'
import type { NativeHost } from '../../src-main/core/app/native'
import { CSP } from '../../src-main/electron/csp'
import { isTrustedCaller } from '../../src-main/electron/ipcGuard'
import { CHROMIUM_ARGS, findChromium } from './chromium'

export const REPO = resolve(import.meta.dirname, '../..')
export const SHARED = resolve(REPO, '../shared')
const OUT = join(REPO, 'out')

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' }

type Core = typeof import('../../src-main/core/index')

export async function loadCore(): Promise<Core> {
  const built = join(OUT, 'main/core.js')
  if (!existsSync(built)) throw new Error('Build the app first: npm run build (out/main/core.js is missing).')
  return (await import(pathToFileURL(built).href)) as Core
}

/** Dialog answers the test queues up; an empty queue means "cancelled". */
export class ScriptedNative implements NativeHost {
  openAnswers: string[][] = []
  saveAnswers: string[] = []
  events: AppEvent[] = []
  page: Page | null = null
  async showOpenDialog(): Promise<string[]> {
    return this.openAnswers.shift() ?? []
  }
  async showSaveDialog(): Promise<string | null> {
    return this.saveAnswers.shift() ?? null
  }
  emit(event: AppEvent): void {
    this.events.push(event)
    void this.page?.evaluate((e) => (window as unknown as { __rwbEmit?: (e: unknown) => void }).__rwbEmit?.(e), event).catch(() => {})
  }
}

function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const root = join(OUT, 'renderer')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP })
    createReadStream(file).pipe(res)
  })
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address()
      ok({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` })
    })
  )
}

export interface AppSession {
  page: Page
  core: AppCoreT
  native: ScriptedNative
  dataDir: string
  /** Every request the page made to anything but the app itself. */
  foreignRequests: string[]
  /** Errors and CSP violations the page logged. */
  consoleErrors: string[]
  /** Calls refused because they came from a frame other than the app's main frame. */
  refusedCalls: string[]
  /** Every bridge round trip since start, with the methods it carried (a batch carries several). */
  roundTrips: string[][]
  /** Quits like the app does (flushes the project), keeping the data folder. */
  quit(): Promise<void>
}

let browser: Browser | null = null
let server: { server: Server; origin: string } | null = null

export async function startHarness(): Promise<void> {
  browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  server ??= await serveRenderer()
}

export async function stopHarness(): Promise<void> {
  await browser?.close()
  browser = null
  await new Promise((ok) => (server ? server.server.close(ok) : ok(null)))
  server = null
}

export function newDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rwb-e2e-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The display name a first start is preset with, so the first-start name prompt does not stand in every test's way. */
export const E2E_USER = 'E2E Analyst'

/**
 * Starts the app over `dataDir` (first start when it is empty). A first start
 * has its user name preset (E2E_USER) unless `userName: null` asks for the
 * real first-start prompt; `colorScheme` is what the OS is said to prefer.
 */
export async function launchApp(
  dataDir: string,
  opts: { saveDelayMs?: number; userName?: string | null; colorScheme?: 'light' | 'dark' } = {}
): Promise<AppSession> {
  await startHarness()
  const settingsFile = join(dataDir, 'settings.json')
  const presetName = opts.userName === undefined ? E2E_USER : opts.userName
  if (presetName !== null && !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ lastProject: null, recent: [], userName: presetName }))
  const { AppCore, createHandlers, dispatch, dispatchBatch } = await loadCore()
  const native = new ScriptedNative()
  const core = new AppCore({ dataDir, seedsDir: join(REPO, 'seeds'), native, saveDelayMs: opts.saveDelayMs ?? 300 })
  const handlers = createHandlers(core)
  const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: opts.colorScheme ?? 'light' })
  const page = await context.newPage()
  native.page = page
  const foreignRequests: string[] = []
  const consoleErrors: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(`${server!.origin}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url())
  })
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  // Nothing leaves the machine: anything not served by the harness is refused.
  await context.route('**/*', (route) => (route.request().url().startsWith(`${server!.origin}/`) ? route.continue() : route.abort()))
  const refusedCalls: string[] = []
  const roundTrips: string[][] = []
  // The same sender rule as Electron's IPC wiring (src-main/electron/ipc.ts).
  const trusted = (source: { frame: import('@playwright/test').Frame; page: import('@playwright/test').Page }) =>
    isTrustedCaller({ url: source.frame.url(), isMainFrame: source.frame === page.mainFrame(), fromAppWindow: source.page === page }, server!.origin)
  const refusal = { ok: false, error: { code: 'BAD_METHOD', message: 'Calls are accepted only from the app window.' } }
  await page.exposeBinding('__rwbInvoke', async (source, method: unknown, args: unknown) => {
    if (!trusted(source)) {
      refusedCalls.push(String(method))
      return refusal
    }
    roundTrips.push([String(method)])
    return dispatch(handlers, method, args)
  })
  await page.exposeBinding('__rwbInvokeBatch', async (source, calls: unknown) => {
    if (!trusted(source)) {
      refusedCalls.push('batch')
      return [refusal]
    }
    roundTrips.push(Array.isArray(calls) ? calls.map((c: { method?: unknown }) => String(c?.method)) : ['batch'])
    return dispatchBatch(handlers, calls)
  })
  await page.addInitScript(() => {
    const listeners = new Set<(e: unknown) => void>()
    const w = window as unknown as Record<string, unknown>
    w.__rwbEmit = (e: unknown) => listeners.forEach((l) => l(e))
    w.rwb = Object.freeze({
      invoke: (method: string, args: unknown) => (w.__rwbInvoke as (m: string, a: unknown) => Promise<unknown>)(method, args),
      invokeBatch: (calls: unknown) => (w.__rwbInvokeBatch as (c: unknown) => Promise<unknown>)(calls),
      onEvent: (l: (e: unknown) => void) => {
        listeners.add(l)
        return () => listeners.delete(l)
      },
      // Stands in for Electron's webUtils.getPathForFile: a test names its
      // dropped File objects with the absolute path they stand for.
      pathForFile: (f: File) => (f.name.startsWith('/') ? f.name : '')
    })
  })
  await page.goto(`${server!.origin}/index.html`)
  try {
    await page.locator('.app[data-ready="true"]').waitFor({ timeout: 30_000 })
  } catch (e) {
    const shown = await page.locator('body').innerText().catch(() => '')
    throw new Error(`The app did not start. Page says: ${shown.slice(0, 500)}\nConsole: ${consoleErrors.join('\n')}`, { cause: e })
  }
  return {
    page,
    core,
    native,
    dataDir,
    foreignRequests,
    consoleErrors,
    refusedCalls,
    roundTrips,
    async quit() {
      await core.shutdown()
      native.page = null
      await context.close()
    }
  }
}
