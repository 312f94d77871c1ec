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
}
