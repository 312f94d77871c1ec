// Electron hardening applied once at start-up: nothing leaves the machine,
// nothing navigates, no new windows, no permissions.
import { app, session, shell, type WebContents } from 'electron'
import { CSP } from './csp'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://workbench`

export { CSP }

/** Requests the session refused; kept for the offline check. */
export const blockedRequests: { url: string; at: string }[] = []

export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setSpellCheckerEnabled(false)
  ses.setPermissionRequestHandler((_wc, _perm, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:')
    if (!allowed) {
      blockedRequests.push({ url: details.url, at: new Date().toISOString() })
      console.warn(`[rwb] blocked request to ${details.url}`)
    }
    callback({ cancel: !allowed })
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
}

/** Every web contents: no navigation away from the app, no new windows, no webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function installGlobalGuards(): void {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents))
  void shell // openExternal is never called: the app has no outbound links
}
