// The whole app's memory with a project open, as an analyst would have it:
// main's part (the session and its database, import and suggestion workers:
// one Node process, appHost.mjs) plus Chromium showing the built renderer
// (browser, renderer and helper processes) after the library is listed, a
// document is open in the reader with its suggestions, and the map is shown.
//
// What is summed: the host's RSS (VmRSS: its threads share one address
// space) and Chromium's processes' PSS (proportional set size: memory shared
// between them, such as the browser's libraries, is counted once in all, not
// once per process as RSS would). Electron would run main inside its own
// browser process; here Node and Chromium's browser process are two, so the
// figure includes a second runtime's baseline and is, if anything, high.
//
// Which Chromium: Electron is Chromium's content layer with Node, not the
// Chrome browser. The figure (rss_mb_*) is taken with Chromium's headless
// shell where it is installed (chromium.mjs: the content layer with no browser
// UI, as in Electron); the full browser, whose headless mode runs all of
// Chrome (about twice the shell's floor), is measured too and reported beside
// it, so neither is hidden. Without an Electron binary on this machine the
// app's real figure cannot be measured; these bracket it.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, findHeadlessShell } from './chromium.mjs'
import { round } from './stats.mjs'
import { tempDir } from './tempDir.mjs'

function status(pid, key) {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

function pss(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Every live process below `root`, by /proc's parent links. */
function descendants(root) {
  const parent = new Map()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const out = []
  const walk = (p) => {
    for (const [c, pp] of parent) if (pp === p) out.push(c), walk(c)
  }
  walk(root)
  return out
}

/** Chromium's own floor: the same browser with one blank page, PSS summed over its processes. */
async function blankChromiumPss(executablePath) {
  const before = new Set(descendants(process.pid))
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await page.goto('about:blank')
    await page.waitForTimeout(2000)
    return descendants(process.pid).filter((p) => !before.has(p)).reduce((a, p) => a + pss(p), 0)
  } finally {
    await browser.close()
  }
}

const mb = (b) => round(b / 1e6, 0)

/** A Chromium process's kind (renderer, gpu-process, a utility's service...). A zygote's children rewrite their command line as one string: read the switches from it whole. */
function kind(p) {
  try {
    const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8')
    return /--utility-sub-type=(\S+)/.exec(cmd)?.[1] ?? /--type=(\S+)/.exec(cmd)?.[1] ?? 'browser'
  } catch {
    return 'gone'
  }
}

/** Shows the app served at `origin` in the Chromium at `executablePath` as an analyst would use it, and measures. */
async function measureIn(executablePath, origin, host, log) {
  const before = new Set(descendants(process.pid))
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  let m
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    const { initScript } = await import('./rendererHost.mjs')
    await page.addInitScript(initScript)
    // This browser's processes (the host is a child of this process too).
    const chromiumPids = () => descendants(process.pid).filter((p) => !before.has(p) && p !== host.pid)
    // With RWB_BENCH_VERBOSE, Chromium's PSS and the host's RSS after each step: where the memory goes.
    const stage = async (name) => {
      if (!process.env.RWB_BENCH_VERBOSE) return
      const ps = chromiumPids()
      const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)
      const each = ps.map((p) => `${kind(p)} ${mb(pss(p))}`).join(', ')
      log(`    ${name}: Chromium ${mb(ps.reduce((a, p) => a + pss(p), 0))} MB PSS (${each}), host ${mb(status(host.pid, 'VmRSS'))} MB RSS, page heap ${mb(heap)} MB`)
    }
    const t0 = Date.now()
    await page.goto(`${origin}/index.html`)
    await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 })
    const listed = Number(await page.locator('.library .pane-head .muted').first().textContent())
    await stage('library listed')
    await page.locator('.doc-list li').first().click()
    await page.locator('.doc-text [data-s]').first().waitFor({ timeout: 60_000 })
    await page.waitForTimeout(3000) // the document's suggestions arrive from their worker
    await stage('document open with its suggestions')
    await page.keyboard.press('Control+2')
    await page.locator('.map-view').waitFor({ timeout: 60_000 })
    await page.waitForTimeout(2000)
    await stage('map shown')
    const shownMs = Date.now() - t0
    const page0 = await page.evaluate(() => ({ dom: document.getElementsByTagName('*').length, heap: performance.memory?.usedJSHeapSize ?? 0 }))
    const pids = chromiumPids()
    if (process.env.RWB_BENCH_VERBOSE) for (const p of pids) log(`    ${p} ${mb(pss(p))} MB PSS, ${mb(status(p, 'VmRSS'))} MB RSS: ${kind(p)}`)
    m = { listed, shownMs, page0, hostRss: status(host.pid, 'VmRSS'), hostPeak: status(host.pid, 'VmHWM'), chromiumPss: pids.reduce((a, p) => a + pss(p), 0), processes: pids.length }
  } finally {
    await browser.close()
  }
  const blank = await blankChromiumPss(executablePath)
  const total = m.hostRss + m.chromiumPss
  log(`  whole app with the project open in ${executablePath} (${m.listed} documents listed; reader, suggestions and map shown in ${round(m.shownMs / 1000, 1)} s): ` +
    `${mb(total)} MB = main and its workers ${mb(m.hostRss)} MB RSS (peak ${mb(m.hostPeak)}) + Chromium ${mb(m.chromiumPss)} MB PSS over ${m.processes} processes ` +
    `(the same Chromium showing a blank page: ${mb(blank)} MB); the page: ${m.page0.dom} elements, ${mb(m.page0.heap)} MB of JavaScript heap in use`)
  return { totalMb: mb(total), hostMb: mb(m.hostRss), hostPeakMb: mb(m.hostPeak), chromiumMb: mb(m.chromiumPss), chromiumBlankMb: mb(blank) }
}

/**
 * Opens `project` in the app (host + Chromium) and measures; returns MB
 * figures: with the headless shell where installed (the Electron stand-in),
 * and `fullChromium`, the same with the full browser.
 */
export async function measureAppMemory(project, log = () => {}) {
  const tmp = tempDir('rwb-bench-app-')
  const host = spawn(process.execPath, [join(import.meta.dirname, 'appHost.mjs'), join(tmp.dir, 'data'), project], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env })
  try {
    const origin = await new Promise((ok, fail) => {
      createInterface({ input: host.stdout }).on('line', (l) => l.startsWith('ready ') && ok(l.slice(6)))
      host.on('exit', (code) => fail(new Error(`the app host exited (${code}) before it was ready`)))
    })
    const shell = findHeadlessShell()
    if (!shell) log('  (no chromium-headless-shell here: the figure is taken with the full browser only; apt-get install chromium-headless-shell)')
    const primary = shell ? await measureIn(shell, origin, host, log) : null
    const fullChromium = await measureIn(findChromium(), origin, host, log)
    return { ...(primary ?? fullChromium), browser: shell ? 'chromium-headless-shell' : 'chromium', fullChromium }
  } finally {
    host.kill('SIGTERM')
    await new Promise((ok) => (host.exitCode !== null ? ok() : host.on('exit', ok)))
    tmp.cleanup()
  }
}
