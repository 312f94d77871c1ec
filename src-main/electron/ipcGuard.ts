// Which frames may call the API: only the main frame of the app window,
// showing the app's own origin. Kept free of electron imports so the e2e
// harness applies the very same rule to its bridge.
export interface CallerFrame {
  /** The URL of the frame that sent the call. */
  url: string
  /** Whether that frame is the top frame of the window. */
  isMainFrame: boolean
  /** Whether the call came from the app's own window. */
  fromAppWindow: boolean
}

export function isTrustedCaller(frame: CallerFrame | null, appOrigin: string): boolean {
  if (!frame || !frame.isMainFrame || !frame.fromAppWindow) return false
  // Compare scheme and host, not URL.origin: a custom scheme's origin is
  // "null", the same as file:, data: and about: URLs.
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  const app = new URL(appOrigin)
  return app.host !== '' && url.protocol === app.protocol && url.host === app.host
}
