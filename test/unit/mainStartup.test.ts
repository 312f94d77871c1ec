// Main loads the app core at start. The parsers (jsdom, pdf.js, mammoth) run
// only in the import worker; if the core pulled them in statically, every
// start would pay for loading them. Bundle the core as the app does (with the
// CLI's core entry beside it, so the parsers land in a shared chunk) and
// follow main's static imports.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, expect, it } from 'vitest'
import { tempDir } from '../support/tempDir'

const root = resolve(import.meta.dirname, '../..')
const out = tempDir('rwb-main-bundle-')
afterAll(() => out.cleanup())

/** Every module reachable from `entry` through static imports, with its code. */
function staticGraph(dir: string, entry: string): Map<string, string> {
  const seen = new Map<string, string>()
  const visit = (spec: string) => {
    if (seen.has(spec)) return
    const file = join(dir, spec)
    if (!spec.startsWith('./') || !existsSync(file)) {
      seen.set(spec, '')
      return
    }
    const code = readFileSync(file, 'utf8')
    seen.set(spec, code)
    for (const m of code.matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) visit(m[1] ?? m[2]!)
  }
  visit(`./${entry}`)
  return seen
}

it('the app core main loads does not import the document parsers', async () => {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir: out.dir,
      emptyOutDir: true,
      rollupOptions: {
        input: { appCore: resolve(root, 'src-main/core/app/appCore.ts'), core: resolve(root, 'src-main/core/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' }
      }
    }
  })
  const graph = staticGraph(out.dir, 'appCore.js')
  expect([...graph.values()].join('\n')).toMatch(/\bAppCore\b/)
  // The CLI's core does reach them (it parses in-process): the check can see them.
  expect([...staticGraph(out.dir, 'core.js').keys()]).toContain('jsdom')
  for (const heavy of ['jsdom', 'pdfjs-dist', 'mammoth', '@mozilla/readability', 'dompurify']) {
    expect([...graph.keys()], heavy).not.toContain(heavy)
  }
})
