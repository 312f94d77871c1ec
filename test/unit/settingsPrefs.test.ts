// This machine's preferences in the app's settings file (issue 13): the
// colour theme, the reading place per project, whether the user has chosen a
// display name; and the OS full name offered on first start (GECOS field of
// /etc/passwd, never a bare "root"). Keyboard steps of the reader's caret.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { gecosFullName } from '../../src-main/core/app/osUser'
import { SettingsStore } from '../../src-main/core/app/settings'
import { caretStep } from '../../src-renderer/src/reader/useCaret'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rwb-prefs-'))
  dirs.push(d)
  return d
}

describe('theme, reading place and user name in the settings file', () => {
  it('keeps the theme and each project’s reading place across a restart', () => {
    const d = dir()
    const s = new SettingsStore(d)
    expect(s.theme()).toBe('system')
    expect(s.readingPlace('/p/a.rwb')).toBeNull()
    s.setTheme('dark')
    s.setReadingPlace('/p/a.rwb', { documentId: 7, offset: 12345, dy: 30 })
    s.setReadingPlace('/p/b.rwb', { documentId: 2, offset: 0, dy: 0 })
    const again = new SettingsStore(d)
    expect(again.theme()).toBe('dark')
    expect(again.readingPlace('/p/a.rwb')).toEqual({ documentId: 7, offset: 12345, dy: 30 })
    expect(again.readingPlace('/p/b.rwb')).toEqual({ documentId: 2, offset: 0, dy: 0 })
  })

  it('drops a malformed theme or place rather than failing', () => {
    const d = dir()
    writeFileSync(
      join(d, 'settings.json'),
      JSON.stringify({ lastProject: null, recent: [], theme: 'purple', readingPlaces: { '/ok.rwb': { documentId: 1, offset: 5, dy: 2 }, '/bad.rwb': { documentId: -1, offset: 'top' } } })
    )
    const s = new SettingsStore(d)
    expect(s.theme()).toBe('system')
    expect(s.readingPlace('/ok.rwb')).toEqual({ documentId: 1, offset: 5, dy: 2 })
    expect(s.readingPlace('/bad.rwb')).toBeNull()
    s.setTheme('light')
    expect(JSON.parse(readFileSync(join(d, 'settings.json'), 'utf8')).theme).toBe('light')
  })

  it('knows whether the user has chosen a name (the first start asks)', () => {
    const d = dir()
    const s = new SettingsStore(d)
    expect(s.userNameChosen()).toBe(false)
    expect(s.userName().toLowerCase()).not.toBe('root')
    s.setUserName('  Ana Analyst ')
    expect(new SettingsStore(d).userNameChosen()).toBe(true)
    expect(new SettingsStore(d).userName()).toBe('Ana Analyst')
  })
})

describe('the OS full name', () => {
  const passwd = ['root:x:0:0:root:/root:/bin/bash', 'ana:x:1000:1000:Ana Analyst,Room 4,,:/home/ana:/bin/bash', 'svc:x:998:998::/srv:/usr/sbin/nologin'].join('\n')
  it('is the first GECOS field of the login', () => {
    expect(gecosFullName(passwd, 'ana')).toBe('Ana Analyst')
    expect(gecosFullName(passwd, 'svc')).toBe('')
    expect(gecosFullName(passwd, 'nobody')).toBe('')
  })
})

describe('caret keys', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => caretStep({ key: k, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...mods })
  it('move by character, word, line, paragraph; Shift extends', () => {
    expect(key('ArrowRight')).toEqual(['move', 'right', 'character'])
    expect(key('ArrowLeft', { ctrlKey: true, shiftKey: true })).toEqual(['extend', 'left', 'word'])
    expect(key('ArrowRight', { altKey: true })).toEqual(['move', 'right', 'word'])
    expect(key('ArrowDown', { shiftKey: true })).toEqual(['extend', 'forward', 'line'])
    expect(key('ArrowUp', { ctrlKey: true })).toEqual(['move', 'backward', 'paragraph'])
    expect(key('End')).toEqual(['move', 'forward', 'lineboundary'])
    expect(key('Home', { ctrlKey: true })).toEqual(['move', 'backward', 'documentboundary'])
    expect(key('t')).toBeNull()
    expect(key('PageDown')).toBeNull()
  })
})
