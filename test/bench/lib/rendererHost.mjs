// The built renderer in real Chromium without Electron, for the benchmarks
// that need the page (reader.mjs, original.mjs, appMemory.mjs): out/renderer served over
// local HTTP, and the preload bridge replaced by fetches answered with the
// same handler table Electron's IPC uses.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { REPO_ROOT } from './paths.mjs'

// Uint8Array answers (documents.original) travel as base64 in the JSON and are revived in the page.
const replacer = (_k, v) => (v instanceof Uint8Array ? { __u8: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') } : v)

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' }

/**
 * Serves the built renderer, and answers API calls POSTed to /__rwb_api with
 * the handler table. The e2e harness's page.exposeBinding goes through the
 * DevTools protocol, which takes about a second for a 1 MB document (the core
 * itself answers in ~0.1 s, and Electron's IPC passes the answer by
 * structured clone); a local HTTP request is the closer stand-in for IPC.
 */
export function serveRenderer(call) {
  const root = join(REPO_ROOT, 'out/renderer')
  if (!existsSync(join(root, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first.')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (req.method === 'POST' && (url.pathname === '/__rwb_api' || url.pathname === '/__rwb_batch')) {
      const body = []
      req.on('data', (c) => body.push(c))
      req.on('end', async () => {
        const parsed = JSON.parse(Buffer.concat(body).toString('utf8'))
        // A batch (the store's refreshes after a change) is one request, as it is one IPC round trip.
        let answer
        if (url.pathname === '/__rwb_batch') answer = await Promise.all(parsed.calls.map((c) => call(c.method, c.args)))
        else answer = await call(parsed.method, parsed.args)
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer, replacer))
      })
      return
    }
    const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
    if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })))
}

/** In the page: the API bridge, timing when each call's answer arrives (performance.now()). */
export function initScript() {
  const listeners = new Set()
  window.__rwbEmit = (e) => listeners.forEach((l) => l(e))
  window.__benchCalls = []
  // Only an answer holding bytes is parsed with the reviver (a reviver slows the parse of a 1 MB document).
  const revive = (_k, v) => (v && typeof v === 'object' && typeof v.__u8 === 'string' ? Uint8Array.from(atob(v.__u8), (c) => c.charCodeAt(0)) : v)
  const parse = async (res) => {
    const text = await res.text()
    return text.includes('"__u8":') ? JSON.parse(text, revive) : JSON.parse(text)
  }
  window.rwb = Object.freeze({
    invoke: async (method, args) => {
      const t0 = performance.now()
      const res = await fetch('/__rwb_api', { method: 'POST', body: JSON.stringify({ method, args: args ?? null }) })
      const out = await parse(res)
      window.__benchCalls.push({ method, t0, t1: performance.now() })
      return out
    },
    invokeBatch: async (calls) => {
      const t0 = performance.now()
      const res = await fetch('/__rwb_batch', { method: 'POST', body: JSON.stringify({ calls }) })
      const out = await parse(res)
      for (const c of calls) window.__benchCalls.push({ method: c.method, t0, t1: performance.now() })
      return out
    },
    onEvent: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    pathForFile: () => ''
  })
  /** Resolves after the next frame has been painted (rAF runs before paint; a message posted from it is handled after). */
  window.__afterPaint = () =>
    new Promise((ok) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => ok(performance.now())
        ch.port2.postMessage(0)
      })
    )
  /** Resolves with performance.now() when `test()` first holds after a DOM change. */
  window.__whenDom = (test, root = document.body) =>
    new Promise((ok) => {
      if (test()) return ok(performance.now())
      const mo = new MutationObserver(() => {
        if (test()) {
          mo.disconnect()
          ok(performance.now())
        }
      })
      mo.observe(root, { childList: true, subtree: true, attributes: true })
    })
}

