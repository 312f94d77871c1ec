// Serves the built renderer from app://workbench/ instead of file://, so the
// page has a real origin, the CSP header applies, and no other file is reachable.
import { net, protocol } from 'electron'
import { normalize, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME, CSP } from './security'

export function registerSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const wanted = normalize(resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`))
    const rel = relative(root, wanted)
    if (rel.startsWith('..') || rel.includes(`..${sep}`)) return new Response('Not found', { status: 404 })
    const res = await net.fetch(pathToFileURL(wanted).href)
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}
