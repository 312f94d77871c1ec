import { describe, expect, it } from 'vitest'
import { HARDENED_WEB_PREFERENCES } from '../../src-main/electron/webPreferences'

describe('Electron window hardening', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })
})
