// electron-builder.yml without packaging (`npm run dist` downloads Electron, so
// it cannot run here): the file is loaded as electron-builder loads it, checked
// against electron-builder's own configuration schema, and each platform's icon
// is resolved by electron-builder's own icon lookup; the window-icon files the
// main process looks for are copied where it looks (src-main/electron/windowIcon.ts).
// The fuse hook is checked in fuses.test.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { load } from 'js-yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { windowIconFile, windowIconPath } from '../../src-main/electron/windowIcon'
import { REPO_ROOT, tempDir } from '../support/tempDir'

type Copy = { from: string; to: string }
type Platform = { target: string[]; icon: string; extraResources?: Copy[]; [k: string]: unknown }
type Config = {
  directories: { buildResources: string; output: string }
  extraResources: Copy[]
  extraMetadata: { homepage: string }
  linux: Platform & { maintainer: string; category: string }
  mac: Platform
  win: Platform
  deb: Record<string, unknown>
}

const config = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Config
// electron-builder's internals, resolved from electron-builder itself (app-builder-lib is its dependency).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (c: unknown, logger: unknown) => Promise<void>
}
const { convertIcon } = builderRequire('app-builder-lib/out/util/iconConverter.js') as {
  convertIcon: (o: { sources: string[]; fallbackSources: string[]; roots: string[]; format: string; outDir: string }) => Promise<{
    icons: { file: string; size: number }[]
    isFallback: boolean
  }>
}
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const tmp = tempDir('rwb-packaging-')
afterAll(() => tmp.cleanup())

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema (and a misspelt option would not)", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined()
    const bad = { ...structuredClone(config), deb: { packageCatgory: 'misc' } }
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/configuration\.deb/)
  }, 60_000) // the schema takes seconds to compile on a busy machine

  it('reads its build resources from resources/', () => {
    expect(config.directories.buildResources).toBe('resources')
    expect(existsSync(join(REPO_ROOT, 'resources'))).toBe(true)
    expect(existsSync(join(REPO_ROOT, 'build')), 'nothing left in the old build/ folder').toBe(false)
  })

  it('builds an AppImage and a deb on Linux, with what the deb control file needs', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+>$/)
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\/\S+$/)
    expect(config.linux.category).toBe('Office')
    expect(config.deb.packageCategory).toBeTruthy()
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  // What electron-builder's PlatformPackager.resolveIcon does: buildResources, then the project folder.
  const resolveIcon = (platform: 'linux' | 'mac' | 'win', format: string) =>
    convertIcon({
      sources: [config[platform].icon],
      fallbackSources: [],
      roots: [join(REPO_ROOT, config.directories.buildResources), REPO_ROOT],
      format,
      outDir: join(tmp.dir, `.icon-${format}`)
    })

  it('Linux: the icon set is resources/icons, used as is at every size', async () => {
    const { icons, isFallback } = await resolveIcon('linux', 'set')
    expect(isFallback).toBe(false)
    expect(icons.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512])
    for (const i of icons) expect(relative(REPO_ROOT, i.file)).toBe(join('resources', 'icons', `${i.size}x${i.size}.png`))
  })

  it('Windows and macOS: resources/icon.ico and resources/icon.icns, no conversion', async () => {
    const ico = await resolveIcon('win', 'ico')
    expect(ico.isFallback).toBe(false)
    expect(ico.icons).toEqual([{ file: join(REPO_ROOT, 'resources/icon.ico'), size: 256 }])
    const icns = await resolveIcon('mac', 'icns')
    expect(icns.icons.map((i) => i.file)).toEqual([join(REPO_ROOT, 'resources/icon.icns')])
    // nothing was converted into the output folder
    expect(existsSync(join(tmp.dir, '.icon-ico'))).toBe(false)
    expect(existsSync(join(tmp.dir, '.icon-icns'))).toBe(false)
  })

  it('copies the window icon beside app.asar where the main process looks for it', () => {
    for (const [platform, key] of [['linux', 'linux'], ['win32', 'win']] as const) {
      const file = windowIconFile(platform)!
      const copies = [...config.extraResources, ...(config[key].extraResources ?? [])]
      const copy = copies.find((c) => join(c.to) === file)
      expect(copy, `${platform}: ${file} in extraResources`).toBeTruthy()
      expect(existsSync(join(REPO_ROOT, copy!.from))).toBe(true)
      expect(readFileSync(join(REPO_ROOT, copy!.from)).equals(readFileSync(join(REPO_ROOT, 'resources', file)))).toBe(true)
    }
    expect(windowIconFile('darwin')).toBeNull() // the .app bundle's icon.icns
  })
})

describe('windowIconPath', () => {
  const base = { resourcesPath: join(tmp.dir, 'packaged'), appPath: REPO_ROOT }

  it('in development reads resources/ in the repository', () => {
    expect(windowIconPath({ ...base, platform: 'linux', isPackaged: false })).toBe(join(REPO_ROOT, 'resources/icons/256x256.png'))
    expect(windowIconPath({ ...base, platform: 'win32', isPackaged: false })).toBe(join(REPO_ROOT, 'resources/icon.ico'))
    expect(windowIconPath({ ...base, platform: 'darwin', isPackaged: false })).toBeUndefined()
  })

  it('packaged reads the copy beside app.asar, and gives no icon rather than a missing file', () => {
    expect(windowIconPath({ ...base, platform: 'linux', isPackaged: true })).toBeUndefined()
    const png = join(base.resourcesPath, 'icons/256x256.png')
    mkdirSync(dirname(png), { recursive: true })
    writeFileSync(png, readFileSync(join(REPO_ROOT, 'resources/icons/256x256.png')))
    expect(windowIconPath({ ...base, platform: 'linux', isPackaged: true })).toBe(png)
    expect(windowIconPath({ ...base, platform: 'win32', isPackaged: true })).toBeUndefined()
  })
})
