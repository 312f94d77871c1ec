// Unit tests run the core from source, but the database runs in a worker
// thread, which needs real JavaScript: bundle the worker once with Vite, the
// same bundler the app uses (so its SQL migrations are inlined the same way).
import { resolve } from 'node:path'
import { build } from 'vite'

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..')
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'src-main/core/db/worker.ts'),
      outDir: resolve(root, 'test/.cache'),
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'db-worker.js' } }
    }
  })
  // The import worker (files are parsed in it, off the test's main thread), the same way.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'src-main/core/import/worker/importWorker.ts'),
      outDir: resolve(root, 'test/.cache'),
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'import-worker.js' } }
    }
  })
  // The entity-suggestion worker (the language model runs there), the same way.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'src-main/core/suggest/suggestWorker.ts'),
      outDir: resolve(root, 'test/.cache'),
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'suggest-worker.js' } }
    }
  })
  // The `rwb` command line beside the worker (it finds db-worker.js next to
  // itself), for test/unit/cli.test.ts to run as a child process. Its lazily
  // loaded parts (the importers) stay separate chunks, as in out/main/.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'src-main/cli/main.ts'),
      outDir: resolve(root, 'test/.cache'),
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'cli.js', chunkFileNames: 'cli-[name].js' } }
    }
  })
}
