import { describe, expect, it } from 'vitest'
import { isTrustedCaller } from '../../src-main/electron/ipcGuard'

const APP = 'app://workbench'

describe('IPC sender check', () => {
  it('accepts only the main frame of the app window showing the app origin', () => {
    expect(isTrustedCaller({ url: 'app://workbench/index.html', isMainFrame: true, fromAppWindow: true }, APP)).toBe(true)
  })
  it.each([
    ['a subframe', { url: 'app://workbench/index.html', isMainFrame: false, fromAppWindow: true }],
    ['another window', { url: 'app://workbench/index.html', isMainFrame: true, fromAppWindow: false }],
    ['a remote page', { url: 'https://evil.example/app://workbench/', isMainFrame: true, fromAppWindow: true }],
    ['a look-alike origin', { url: 'app://workbench.evil/index.html', isMainFrame: true, fromAppWindow: true }],
    ['a file URL', { url: 'file:///tmp/index.html', isMainFrame: true, fromAppWindow: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true, fromAppWindow: true }],
    ['a data URL', { url: 'data:text/html,<script>1</script>', isMainFrame: true, fromAppWindow: true }],
    ['garbage', { url: '::::', isMainFrame: true, fromAppWindow: true }]
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedCaller(frame, APP)).toBe(false)
  })
  it('refuses a call with no frame (the frame went away)', () => {
    expect(isTrustedCaller(null, APP)).toBe(false)
  })
})
