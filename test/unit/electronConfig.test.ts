import { describe, expect, it, vi } from 'vitest'
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

// The menu as data: Electron itself is not loaded in unit tests.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t } }))

describe('native menu', () => {
  type Item = { label?: string; role?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void; submenu?: Item[] }
  const build = async (platform: NodeJS.Platform) => {
    const { menuTemplate } = await import('../../src-main/electron/menu')
    const sent: string[] = []
    const menu = menuTemplate((c) => sent.push(c), [], () => {}, platform) as Item[]
    const top = (label: string) => menu.find((m) => m.label?.replace('&', '') === label)?.submenu ?? []
    return { sent, top }
  }

  it('has an Edit menu whose Undo/Redo go to the renderer, with the text-editing roles', async () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { sent, top } = await build(platform)
      const edit = top('Edit')
      const undo = edit.find((i) => i.label === 'Undo')!
      const redo = edit.find((i) => i.label === 'Redo')!
      expect(undo.accelerator).toBe('CmdOrCtrl+Z')
      expect(redo.accelerator).toBe(platform === 'win32' ? 'CmdOrCtrl+Y' : 'CmdOrCtrl+Shift+Z')
      // Only macOS needs the menu to own the keys (text fields get Cmd+Z through it).
      expect(undo.registerAccelerator).toBe(platform === 'darwin')
      undo.click!()
      redo.click!()
      expect(sent).toEqual(['edit.undo', 'edit.redo'])
      expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
      expect(edit.some((i) => i.label === 'Find in Document…' && i.accelerator === 'CmdOrCtrl+F')).toBe(true)
    }
  })

  it('offers the same tagging and history commands as the app', async () => {
    const { sent, top } = await build('linux')
    for (const item of [...top('Tag'), ...top('Project')]) if (item.click && item.label !== 'Open Recent') item.click()
    expect(sent).toEqual(
      expect.arrayContaining(['tag.selection', 'claims.new', 'entities.tagAll', 'entities.merge', 'entities.manageTypes', 'history.audit', 'settings.userName'])
    )
    // Every accelerator appears once.
    const all = ['File', 'Project', 'Edit', 'Tag', 'View', 'Export'].flatMap((m) => top(m)).map((i) => i.accelerator).filter(Boolean)
    expect(new Set(all).size).toBe(all.length)
  })
})
