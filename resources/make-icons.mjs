#!/usr/bin/env node
// Regenerates every app icon from the one source, resources/icon.svg:
//   node resources/make-icons.mjs
// Run it after editing the SVG and commit what it writes; nothing else (CI,
// `npm run dist`) runs it, so packaging never needs a browser.
//
// The SVG is rasterised by headless Chromium through Playwright (both are
// what the e2e tests use already: CHROMIUM_PATH, else /usr/bin/chromium). Each
// size is drawn from the vector at that size rather than scaled down from a
// big bitmap, so 16 and 24 px stay sharp. The screenshots are decoded and
// re-encoded with pngjs, so the files depend only on the pixels (no encoder
// metadata); a different Chromium version may still move an edge pixel.
// icons.json records the SVG's hash: test/unit/icons.test.ts fails when the
// SVG changed and the icons were not regenerated.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { PNG } from 'pngjs'
import { ICNS_TYPES, ICO_SIZES, writeIcns, writeIco } from './iconFormats.mjs'

const here = import.meta.dirname
/** The Linux icon set electron-builder installs into hicolor (and the window uses 256). */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
/** icon.png: the largest raster, for anything that wants one master bitmap. */
const MASTER = 1024

/** The source as hashed: line endings normalised, so a CRLF checkout hashes the same. */
function sourceHash(svg) {
  return createHash('sha256').update(svg.replace(/\r\n/g, '\n')).digest('hex')
}

async function render(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // Colours as written in the SVG, whatever the machine's display profile.
    args: ['--force-color-profile=srgb']
  })
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  const out = {}
  const version = browser.version()
  try {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
      await page.setContent(`<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" style="display:block"></body></html>`)
      await page.locator('img').evaluate((img, s) => ((img.src = s), img.decode()), src)
      const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
      out[size] = PNG.sync.write(PNG.sync.read(shot), { colorType: 6, deflateLevel: 9 })
      await page.close()
    }
  } finally {
    await browser.close()
  }
  return { pngs: out, renderer: `chromium ${version}` }
}

async function main() {
  const svg = readFileSync(join(here, 'icon.svg'), 'utf8')
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_TYPES), MASTER])].sort((a, b) => a - b)
  const { pngs, renderer } = await render(svg, sizes)

  mkdirSync(join(here, 'icons'), { recursive: true })
  const files = {}
  for (const size of LINUX_SIZES) {
    writeFileSync(join(here, 'icons', `${size}x${size}.png`), pngs[size])
    files[`icons/${size}x${size}.png`] = [size]
  }
  writeFileSync(join(here, 'icon.png'), pngs[MASTER])
  files['icon.png'] = [MASTER]
  writeFileSync(join(here, 'icon.ico'), writeIco(pngs))
  files['icon.ico'] = ICO_SIZES
  writeFileSync(join(here, 'icon.icns'), writeIcns(pngs))
  files['icon.icns'] = Object.values(ICNS_TYPES)

  const manifest = { source: 'icon.svg', sourceSha256: sourceHash(svg), renderer, files }
  // one line per file: its pixel sizes
  const json = JSON.stringify(manifest, null, 2).replace(/\[[\d,\s]+\]/g, (list) => `[${list.slice(1, -1).trim().split(/,\s*/).join(', ')}]`)
  writeFileSync(join(here, 'icons.json'), `${json}\n`)
  console.log(`wrote ${Object.keys(files).length} icon files from icon.svg`)
}

if (process.argv[1] === import.meta.filename) await main()
