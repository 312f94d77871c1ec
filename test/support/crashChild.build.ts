// Bundles test/support/crashChild.ts (the core is TypeScript) into
// test/.cache/<outName> so a plain `node` child process can run it, the way
// globalSetup bundles the database worker. Each test file uses its own
// output name: vitest runs files in parallel.
import { resolve } from 'node:path'
import { build } from 'vite'
import { REPO_ROOT } from './tempDir'

export async function buildCrashChild(outName: string): Promise<string> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    build: {
      ssr: resolve(REPO_ROOT, 'test/support/crashChild.ts'),
      outDir: resolve(REPO_ROOT, 'test/.cache'),
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: outName } }
    }
  })
  return resolve(REPO_ROOT, 'test/.cache', outName)
}
