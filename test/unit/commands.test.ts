// The command registry end to end without Electron or a browser: every
// declared command has an implementation, shows in the generated native menu
// and answers its keys as declared; hints say Cmd on macOS and Ctrl
// elsewhere; the key matcher picks the right command; the registry runs
// commands against the real store.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { COMMAND_IDS, COMMANDS, keysFor, type CommandId, type Platform } from '@contract/commands'
import { commandForKey, detectKeyEnv, formatKeys, parseKeys, setKeyEnv, shortcutHint, withHint, type KeyEnv, type KeyLike } from '../../src-renderer/src/commands'
import { COMMAND_IMPLS, runCommand } from '../../src-renderer/src/shell/commands'
import { sentenceCase } from '../../src-renderer/src/shell/TopBar'
import { useStore } from '../../src-renderer/src/store'

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t } }))

type Item = { label?: string; role?: string; type?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void; submenu?: Item[] }
const PLATFORMS: Platform[] = ['linux', 'win32', 'darwin']

async function menuFor(platform: Platform) {
  const { menuTemplate } = await import('../../src-main/electron/menu')
  const sent: string[] = []
  const menu = menuTemplate((c) => sent.push(c), [{ name: 'Old', path: '/tmp/Old.rwb' } as never], () => sent.push('recent'), platform) as Item[]
  const items = menu.flatMap((m) => (m.submenu ?? []).map((i) => ({ menu: m.label?.replace('&', ''), ...i })))
  /** Clicks an item and says which command it sent. */
  const sends = (i: Item): string | undefined => {
    const before = sent.length
    i.click?.()
    return sent.length > before ? sent[sent.length - 1] : undefined
  }
  return { menu, items, sends }
}

/** The key event a shortcut stands for on a platform. */
function press(keys: string, platform: Platform): KeyLike {
  const k = parseKeys(keys, platform)
  const key = k.key === 'escape' ? 'Escape' : k.shift ? k.key.toUpperCase() : k.key
  return { key, ctrlKey: k.ctrl, metaKey: k.meta, altKey: k.alt, shiftKey: k.shift }
}
const ev = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })
const env = (platform: Platform, inElectron = false): KeyEnv => ({ platform, inElectron })

describe('the declarations', () => {
  it('cover the menu, every former shortcut, Escape and the search box', () => {
    for (const id of ['file.open', 'file.importFolder', 'project.new', 'project.open', 'project.saveAs', 'edit.undo', 'edit.redo', 'reader.find', 'search.focus', 'tag.selection', 'claims.new', 'view.reader', 'view.map', 'view.claims', 'export.mapPng', 'escape'] as const) {
      expect(keysFor(id, 'linux').length, id).toBeGreaterThan(0)
    }
  })

  it('have an implementation for every command and nothing else', () => {
    expect(Object.keys(COMMAND_IMPLS).sort()).toEqual([...COMMAND_IDS].sort())
    for (const id of COMMAND_IDS) {
      expect(typeof COMMAND_IMPLS[id].enabled, id).toBe('function')
      expect(typeof COMMAND_IMPLS[id].perform, id).toBe('function')
    }
  })

  it('give no two commands the same keys on a platform, and leave single letters to text fields', () => {
    for (const platform of PLATFORMS) {
      const seen = new Map<string, CommandId>()
      for (const id of COMMAND_IDS) {
        for (const keys of keysFor(id, platform)) {
          const p = JSON.stringify(parseKeys(keys, platform))
          expect(seen.get(p), `${keys} on ${platform}`).toBeUndefined()
          seen.set(p, id)
          const k = parseKeys(keys, platform)
          if (k.key.length === 1 && !k.ctrl && !k.meta && !k.alt) expect((COMMANDS[id] as { whileTyping?: boolean }).whileTyping, id).toBe(false)
        }
      }
    }
  })
})

describe('the generated native menu', () => {
  it('shows each command with a menu placement exactly once, and a click sends its id', async () => {
    for (const platform of PLATFORMS) {
      const { items, sends } = await menuFor(platform)
      for (const id of COMMAND_IDS) {
        const decl = COMMANDS[id] as { label: string; menu?: { menu: string } }
        const found = items.filter((i) => i.label === decl.label)
        if (!decl.menu) {
          expect(found, id).toEqual([])
          continue
        }
        expect(found.length, id).toBe(1)
        expect(found[0]!.menu).toBe(decl.menu.menu)
        expect(sends(found[0]!)).toBe(id)
        const keys = keysFor(id, platform)[0]
        expect(found[0]!.accelerator, id).toBe(keys?.replace('Mod', 'CmdOrCtrl'))
      }
      // Everything else is a role, a separator or Open Recent.
      const others = items.filter((i) => !COMMAND_IDS.some((id) => COMMANDS[id].label === i.label))
      expect(others.every((i) => i.role || i.type === 'separator' || i.label === 'Open Recent'), JSON.stringify(others)).toBe(true)
    }
  })

  it('matches the menu layout: labels, accelerators, separators and roles', async () => {
    const { menu } = await menuFor('linux')
    const layout = menu.map((m) => [m.label, (m.submenu ?? []).map((i) => i.role ?? (i.type === 'separator' ? '—' : `${i.label}${i.accelerator ? ` [${i.accelerator}]` : ''}`))])
    expect(layout).toEqual([
      ['&File', ['Open Articles… [CmdOrCtrl+O]', 'Import Folder… [CmdOrCtrl+Shift+I]', 'Re-import with Tables and Lists', '—', 'quit']],
      ['&Project', ['New Project… [CmdOrCtrl+Shift+N]', 'Open Project… [CmdOrCtrl+Shift+O]', 'Open Recent', '—', 'Save Project As… [CmdOrCtrl+Shift+S]', 'Export Project as One File…', '—', 'Activity Log…', 'Your Name…']],
      ['&Edit', ['Undo [CmdOrCtrl+Z]', 'Redo [CmdOrCtrl+Shift+Z]', '—', 'cut', 'copy', 'paste', 'selectAll', '—', 'Find in Document… [CmdOrCtrl+F]', 'Search All Documents… [CmdOrCtrl+Shift+F]']],
      ['&Tag', ['Tag Selection… [T]', 'New Claim from Selection… [C]', 'Tag All Mentions…', '—', 'Merge Entity Into…', 'Manage Entity Types…']],
      ['&View', ['Reader [CmdOrCtrl+1]', 'Map [CmdOrCtrl+2]', 'Claims [CmdOrCtrl+3]', '—', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', '—', 'Show or Hide Library [CmdOrCtrl+Shift+L]', 'Show or Hide Entities [CmdOrCtrl+Shift+E]', 'Map Focus Mode [CmdOrCtrl+Shift+M]', '—', 'Next Pane [F6]', 'Previous Pane [Shift+F6]', 'Appearance…']],
      ['&Export', ['Map Image… [CmdOrCtrl+E]', 'Evidence Report…', '—', 'GraphML…', 'GEXF…', 'CSV Tables…', 'FollowTheMoney JSON…', 'W3C Web Annotations…', 'Cytoscape JSON…', 'GEXF with Co-mentions…', '—', 'Import W3C Annotations…']]
    ])
    const recent = menu[1]!.submenu!.find((i) => i.label === 'Open Recent')!
    expect(recent.submenu!.map((i) => i.label)).toEqual(['Old — /tmp/Old.rwb'])
  })

  it('differs by platform where the declarations say so', async () => {
    const linux = await menuFor('linux')
    const win = await menuFor('win32')
    const mac = await menuFor('darwin')
    const item = (m: { items: Item[] }, label: string) => m.items.find((i) => i.label === label || i.role === label)!
    expect(item(win, 'Redo').accelerator).toBe('CmdOrCtrl+Y')
    expect(item(mac, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
    // macOS: the app menu first, Close instead of Quit, and the Edit menu owns Cmd+Z (text fields get it only that way).
    expect(mac.menu[0]!.role).toBe('appMenu')
    expect(item(mac, 'close')).toBeDefined()
    expect(mac.items.some((i) => i.role === 'quit')).toBe(false)
    for (const m of [linux, win]) expect(m.menu[0]!.label).toBe('&File')
    expect(item(mac, 'Undo').registerAccelerator).toBe(true)
    expect(item(linux, 'Undo').registerAccelerator).toBe(false)
    expect(item(win, 'Redo').registerAccelerator).toBe(false)
    // Single letters are shown, never registered (they would steal typing); Mod shortcuts are registered.
    for (const m of [linux, win, mac]) {
      expect(item(m, 'Tag Selection…').registerAccelerator).toBe(false)
      expect(item(m, 'New Claim from Selection…').registerAccelerator).toBe(false)
      expect(item(m, 'Open Articles…').registerAccelerator).toBe(true)
    }
  })
})

describe('keys', () => {
  it('every declared shortcut reaches its command on every platform (in the browser)', () => {
    for (const platform of PLATFORMS) {
      for (const id of COMMAND_IDS) {
        for (const keys of keysFor(id, platform)) expect(commandForKey(press(keys, platform), env(platform), false), `${keys} on ${platform}`).toBe(id)
      }
    }
  })

  it('Mod is Ctrl off macOS and Cmd on it, and modifiers must match exactly', () => {
    expect(commandForKey(ev('o', { ctrlKey: true }), env('linux'), false)).toBe('file.open')
    expect(commandForKey(ev('o', { metaKey: true }), env('linux'), false)).toBeNull()
    expect(commandForKey(ev('o', { metaKey: true }), env('darwin'), false)).toBe('file.open')
    expect(commandForKey(ev('o', { ctrlKey: true }), env('darwin'), false)).toBeNull()
    expect(commandForKey(ev('O', { ctrlKey: true, shiftKey: true }), env('win32'), false)).toBe('project.open')
    expect(commandForKey(ev('o', { ctrlKey: true, altKey: true }), env('linux'), false)).toBeNull()
    expect(commandForKey(ev('f', { ctrlKey: true }), env('linux'), false)).toBe('reader.find')
    expect(commandForKey(ev('F', { ctrlKey: true, shiftKey: true }), env('linux'), false)).toBe('search.focus')
    expect(commandForKey(ev('2', { ctrlKey: true }), env('linux'), false)).toBe('view.map')
    expect(commandForKey(ev('x', { ctrlKey: true }), env('linux'), false)).toBeNull()
  })

  it('Redo is Ctrl+Y or Ctrl+Shift+Z off macOS, only Shift+Cmd+Z on it', () => {
    expect(commandForKey(ev('y', { ctrlKey: true }), env('linux'), false)).toBe('edit.redo')
    expect(commandForKey(ev('y', { ctrlKey: true }), env('win32'), false)).toBe('edit.redo')
    expect(commandForKey(ev('Z', { ctrlKey: true, shiftKey: true }), env('win32'), false)).toBe('edit.redo')
    expect(commandForKey(ev('y', { metaKey: true }), env('darwin'), false)).toBeNull()
    expect(commandForKey(ev('Z', { metaKey: true, shiftKey: true }), env('darwin'), false)).toBe('edit.redo')
  })

  it('leaves Undo/Redo and single letters to text fields, but not Escape or Mod shortcuts', () => {
    expect(commandForKey(ev('z', { ctrlKey: true }), env('linux'), true)).toBeNull()
    expect(commandForKey(ev('y', { ctrlKey: true }), env('linux'), true)).toBeNull()
    expect(commandForKey(ev('t'), env('linux'), true)).toBeNull()
    expect(commandForKey(ev('c'), env('linux'), true)).toBeNull()
    expect(commandForKey(ev('t'), env('linux'), false)).toBe('tag.selection')
    expect(commandForKey(ev('c'), env('darwin'), false)).toBe('claims.new')
    expect(commandForKey(ev('c', { ctrlKey: true }), env('linux'), false)).toBeNull() // copy stays copy
    expect(commandForKey(ev('Escape'), env('linux'), true)).toBe('escape')
    expect(commandForKey(ev('o', { ctrlKey: true }), env('linux'), true)).toBe('file.open')
  })

  it('in Electron on macOS leaves Cmd+Z to the Edit menu, which delivers it', () => {
    expect(commandForKey(ev('z', { metaKey: true }), env('darwin', true), false)).toBeNull()
    expect(commandForKey(ev('z', { metaKey: true }), env('darwin', false), false)).toBe('edit.undo')
    expect(commandForKey(ev('z', { ctrlKey: true }), env('linux', true), false)).toBe('edit.undo')
  })
})

describe('hints', () => {
  afterEach(() => setKeyEnv(null))

  it('say ⌘ on macOS and Ctrl elsewhere', () => {
    expect(formatKeys('Mod+Shift+I', { platform: 'darwin' })).toBe('⇧⌘I')
    expect(formatKeys('Mod+Shift+I', { platform: 'linux' })).toBe('Ctrl+Shift+I')
    expect(formatKeys('Mod+Shift+I', { platform: 'win32' })).toBe('Ctrl+Shift+I')
    expect(formatKeys('Escape', { platform: 'linux' })).toBe('Esc')
    expect(formatKeys('Mod+Enter', { platform: 'darwin' })).toBe('⌘↩')
    expect(shortcutHint('file.open', { platform: 'darwin' })).toBe('⌘O')
    expect(shortcutHint('file.open', { platform: 'linux' })).toBe('Ctrl+O')
    expect(shortcutHint('edit.redo', { platform: 'darwin' })).toBe('⇧⌘Z')
    expect(shortcutHint('edit.redo', { platform: 'win32' })).toBe('Ctrl+Y')
    expect(shortcutHint('edit.redo', { platform: 'linux' })).toBe('Ctrl+Shift+Z')
    expect(shortcutHint('tag.selection', { platform: 'darwin' })).toBe('T')
    expect(shortcutHint('history.audit', { platform: 'linux' })).toBeNull()
    expect(withHint('Open articles', 'file.open', { platform: 'win32' })).toBe('Open articles (Ctrl+O)')
    expect(withHint('Activity log', 'history.audit', { platform: 'win32' })).toBe('Activity log')
  })

  it('follow the detected (or injected) platform', () => {
    expect(detectKeyEnv({ platform: 'MacIntel', userAgent: 'Mozilla/5.0 (Macintosh) Electron/33.0.0' })).toEqual({ platform: 'darwin', inElectron: true })
    expect(detectKeyEnv({ platform: '', userAgentData: { platform: 'macOS' } })).toEqual({ platform: 'darwin', inElectron: false })
    expect(detectKeyEnv({ platform: 'Win32' }).platform).toBe('win32')
    expect(detectKeyEnv({ userAgentData: { platform: 'Windows' } }).platform).toBe('win32')
    expect(detectKeyEnv({ platform: 'Linux x86_64' }).platform).toBe('linux')
    expect(detectKeyEnv(undefined).platform).toBe('linux')
    setKeyEnv({ platform: 'darwin', inElectron: false })
    expect(shortcutHint('project.saveAs')).toBe('⇧⌘S')
    setKeyEnv({ platform: 'linux', inElectron: false })
    expect(shortcutHint('project.saveAs')).toBe('Ctrl+Shift+S')
  })

  it('the top bar shows the menu labels in sentence case, acronyms kept', () => {
    expect(sentenceCase('Save Project As…')).toBe('Save project as…')
    expect(sentenceCase('Import W3C Annotations…')).toBe('Import W3C annotations…')
    expect(sentenceCase('GraphML…')).toBe('GraphML…')
    expect(sentenceCase('FollowTheMoney JSON…')).toBe('FollowTheMoney JSON…')
  })
})

describe('running commands through the registry', () => {
  const initial = useStore.getState()
  afterEach(() => useStore.setState(initial, true))
  const toasts = () => useStore.getState().toasts.map((t) => t.text)

  it('Escape is enabled only when a dialog or the find bar is open, and closes the dialog first', async () => {
    expect(COMMAND_IMPLS.escape.enabled(useStore.getState())).toBe(false)
    useStore.setState({ dialog: { kind: 'audit' }, findOpen: true })
    expect(await runCommand('escape', 'key')).toBe(true)
    expect(useStore.getState().dialog).toBeNull()
    expect(useStore.getState().findOpen).toBe(true)
    await runCommand('escape', 'key')
    expect(useStore.getState().findOpen).toBe(false)
  })

  it('on the map, Escape closes the evidence, then leaves focus mode; elsewhere the map is not its business', async () => {
    useStore.setState({ view: 'map', mapSelection: { kind: 'node', entityId: 3 }, mapFocus: true })
    expect(await runCommand('escape', 'key')).toBe(true)
    expect(useStore.getState().mapSelection).toBeNull()
    expect(useStore.getState().mapFocus).toBe(true)
    await runCommand('escape', 'key')
    expect(useStore.getState().mapFocus).toBe(false)
    expect(COMMAND_IMPLS.escape.enabled(useStore.getState())).toBe(false)
    useStore.setState({ view: 'reader', mapSelection: { kind: 'node', entityId: 3 } })
    expect(COMMAND_IMPLS.escape.enabled(useStore.getState())).toBe(false)
  })

  it('the pane toggles fold a pane and bring it back, and leave focus mode; focus mode switches to the map', async () => {
    useStore.setState({ view: 'reader' })
    await runCommand('view.mapFocus', 'key')
    expect(useStore.getState().view).toBe('map')
    expect(useStore.getState().mapFocus).toBe(true)
    await runCommand('view.toggleLibrary', 'key')
    expect(useStore.getState().mapFocus).toBe(false)
    expect(useStore.getState().panes.libraryCollapsed).toBe(true)
    await runCommand('view.toggleLibrary', 'menu')
    expect(useStore.getState().panes.libraryCollapsed).toBe(false)
    await runCommand('view.toggleEntities', 'button')
    expect(useStore.getState().panes.entitiesCollapsed).toBe(true)
  })

  it('entity commands need a selected entity: the menu says so, then opens the dialog for it', async () => {
    expect(await runCommand('entities.merge', 'menu')).toBe(false)
    expect(toasts()).toEqual(['Select an entity in the list first.'])
    useStore.setState({ selectedEntityId: 7 })
    expect(await runCommand('entities.merge', 'menu')).toBe(true)
    expect(useStore.getState().dialog).toEqual({ kind: 'merge', entityId: 7 })
  })

  it('without a mounted reader, C from the menu explains and a key press stays silent', async () => {
    useStore.setState({ view: 'map' })
    expect(await runCommand('claims.new', 'key')).toBe(false)
    expect(toasts()).toEqual([])
    expect(await runCommand('claims.new', 'menu')).toBe(false)
    expect(toasts()[0]).toMatch(/^Select a passage in the reader first/)
  })

  it('view and find commands use the store actions', async () => {
    await runCommand('view.claims')
    expect(useStore.getState().view).toBe('claims')
    await runCommand('reader.find')
    expect(useStore.getState()).toMatchObject({ view: 'reader', findOpen: true })
    await runCommand('export.mapPng')
    expect(useStore.getState()).toMatchObject({ view: 'map', dialog: { kind: 'exportPng' } })
  })
})

it('no renderer code sends commands as window events any more', () => {
  const root = join(import.meta.dirname, '../../src-renderer/src')
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))
  for (const f of files) expect(readFileSync(join(root, f), 'utf8'), f).not.toMatch(/['"]rwb:[a-z-]+['"]/)
})
