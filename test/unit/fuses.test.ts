// The Electron fuses of the packaged app: the table in resources/fuses.cjs, the
// electron-builder config that runs the afterPack hook, and the hook itself
// flipping a fuse wire (a stand-in binary with Electron's sentinel; the real
// binary is not installed on test machines).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { load } from 'js-yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordFigures } from '../reliability/figures'
import { REPO_ROOT, tempDir } from '../support/tempDir'

const require = createRequire(import.meta.url)
const { FUSES, fuseConfig } = require(join(REPO_ROOT, 'resources/fuses.cjs')) as {
  FUSES: Record<string, boolean>
  fuseConfig: (o?: object) => Record<string, unknown>
}
const afterPack = require(join(REPO_ROOT, 'resources/afterPack.cjs')) as ((ctx: unknown) => Promise<string>) & { electronBinary: (ctx: unknown) => string }

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ENABLE = 0x31
const DISABLE = 0x30

/** The hardening every packaged build must have. */
const REQUIRED: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true
}

describe('fuse table (resources/fuses.cjs)', () => {
  it.each(Object.entries(REQUIRED))('%s is %s', (name, value) => {
    expect(FUSES[name]).toBe(value)
    // and the config handed to flipFuses carries it under the fuse's index
    expect(fuseConfig()[FuseV1Options[name as keyof typeof FuseV1Options]]).toBe(value)
  })

  it('names only fuses @electron/fuses knows, and nothing else', () => {
    for (const name of Object.keys(FUSES)) expect(typeof FuseV1Options[name as keyof typeof FuseV1Options], name).toBe('number')
    expect(Object.keys(FUSES).sort()).toEqual(Object.keys(REQUIRED).sort())
    recordFigures('fuses', { fusesAsserted: Object.keys(REQUIRED).length })
  })
})

describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

  it('runs the fuse hook after packing, packs into app.asar, and sets no second fuse table', () => {
    expect(config.afterPack).toBe('./resources/afterPack.cjs')
    expect(config.asar).toBe(true) // OnlyLoadAppFromAsar needs it
    expect(config).not.toHaveProperty('electronFuses')
    expect(config.productName).toBe('Research Workbench')
  })

  it('is what `npm run dist` uses', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.dist).toMatch(/electron-builder/)
  })
})

describe('the afterPack hook flips a fuse wire', () => {
  let t: ReturnType<typeof tempDir>
  beforeEach(() => (t = tempDir('rwb-fuses-')))
  afterEach(() => t.cleanup())

  /** A stand-in Electron binary: noise, the sentinel, wire version 1, 8 fuses (Electron's defaults), more noise. */
  function fakeElectron(path: string): Buffer {
    const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE]
    const bin = Buffer.concat([Buffer.alloc(4096, 0xab), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(4096, 0xcd)])
    writeFileSync(path, bin)
    return bin
  }

  it('on Linux: every configured fuse is flipped, the others and the rest of the file are left alone', async () => {
    const appOutDir = join(t.dir, 'linux-unpacked')
    mkdirSync(appOutDir)
    const context = { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Research Workbench' }, executableName: 'research-workbench' } }
    const binary = afterPack.electronBinary(context)
    expect(binary).toBe(join(appOutDir, 'research-workbench'))
    const before = fakeElectron(binary)

    await afterPack(context)

    const wire = (await getCurrentFuseWire(binary)) as Record<number, number>
    for (const [name, value] of Object.entries(REQUIRED)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(value ? ENABLE : DISABLE)
    }
    // fuses not in the table keep Electron's defaults
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(ENABLE)
    const after = readFileSync(binary)
    expect(after.length).toBe(before.length)
    const at = before.indexOf(SENTINEL) + SENTINEL.length + 2
    expect(after.subarray(0, at).equals(before.subarray(0, at))).toBe(true)
    expect(after.subarray(at + 8).equals(before.subarray(at + 8))).toBe(true)
  })

  it('finds the binary on each platform', () => {
    const base = { appOutDir: '/out', arch: 1, packager: { appInfo: { productFilename: 'Research Workbench' }, executableName: 'research-workbench' } }
    expect(afterPack.electronBinary({ ...base, electronPlatformName: 'win32' })).toBe(join('/out', 'Research Workbench.exe'))
    expect(afterPack.electronBinary({ ...base, electronPlatformName: 'darwin' })).toBe(join('/out', 'Research Workbench.app'))
    expect(afterPack.electronBinary({ ...base, electronPlatformName: 'mas' })).toBe(join('/out', 'Research Workbench.app'))
  })

  it('refuses a binary without a fuse wire instead of packaging an unfused app', async () => {
    const appOutDir = join(t.dir, 'bad')
    mkdirSync(appOutDir)
    writeFileSync(join(appOutDir, 'research-workbench'), Buffer.alloc(1000, 1))
    await expect(
      afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'x' }, executableName: 'research-workbench' } })
    ).rejects.toThrow(/sentinel/)
  })
})
