// core/fs/atomicWrite.ts on a real disk: files appear whole or not at all,
// a failed write removes its temp files and leaves the targets as they were
// (a rename refused, a folder missing, a write cut short by the file-size
// limit in a child process, as a full disk would cut it).
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src-main/core/app/settings'
import { fsyncDir, fsyncFile, tempPathFor, writeFileAtomic, writeFilesAtomic } from '../../src-main/core/fs/atomicWrite'
import { REPO_ROOT, tempDir } from '../support/tempDir'

let t: ReturnType<typeof tempDir>
beforeAll(() => {
  t = tempDir('rwb-atomic-')
})
afterAll(() => t.cleanup())

const listing = (dir: string) => readdirSync(dir).sort()

describe('writeFileAtomic', () => {
  it('creates a file, then replaces it whole; no temp file stays', () => {
    const dir = join(t.dir, 'create')
    mkdirSync(dir)
    const target = join(dir, 'out.txt')
    writeFileAtomic(target, 'first — ü 𝄞\n')
    expect(readFileSync(target, 'utf8')).toBe('first — ü 𝄞\n')
    const bytes = Uint8Array.from([0, 1, 2, 255])
    writeFileAtomic(target, bytes)
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes)
    expect(listing(dir)).toEqual(['out.txt'])
  })

  it('writes a large file completely, with the mode asked for', () => {
    const target = join(t.dir, 'large.bin')
    const data = new Uint8Array(5 * 1024 * 1024 + 7).map((_, i) => (i * 31) & 0xff)
    writeFileAtomic(target, data, { mode: 0o640 })
    expect(readFileSync(target).equals(Buffer.from(data.buffer))).toBe(true)
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o640 & ~process.umask())
  })

  it('a refused rename (a folder is in the way) removes the temp file and leaves the folder as it was', () => {
    const dir = join(t.dir, 'rename')
    const target = join(dir, 'taken')
    mkdirSync(target, { recursive: true })
    writeFileSync(join(target, 'inside.txt'), 'kept')
    expect(() => writeFileAtomic(target, 'new')).toThrow(/EISDIR|EEXIST|ENOTEMPTY|EPERM/)
    expect(listing(dir)).toEqual(['taken'])
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept')
  })

  it('a folder that does not exist: the error says so and nothing is created', () => {
    expect(() => writeFileAtomic(join(t.dir, 'no-such-folder', 'x.txt'), 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }))
    expect(existsSync(join(t.dir, 'no-such-folder'))).toBe(false)
  })

  it('temp files are hidden, beside the target, and never the same name twice', () => {
    const target = join(t.dir, 'same.txt')
    const names = new Set(Array.from({ length: 50 }, () => tempPathFor(target)))
    expect(names.size).toBe(50)
    for (const n of names) expect(n.startsWith(join(t.dir, '.same.txt.'))).toBe(true)
  })
})

describe('writeFilesAtomic', () => {
  it('writes every file and returns their paths', () => {
    const dir = join(t.dir, 'many')
    mkdirSync(dir)
    const files = ['a.csv', 'b.csv', 'c.csv'].map((n) => ({ path: join(dir, n), data: `${n}\n` }))
    expect(writeFilesAtomic(files)).toEqual(files.map((f) => f.path))
    for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(f.data)
    expect(listing(dir)).toEqual(['a.csv', 'b.csv', 'c.csv'])
  })

  it('when one file cannot be written, no target changes and every temp file is removed', () => {
    const dir = join(t.dir, 'partial')
    mkdirSync(dir)
    const a = join(dir, 'a.txt')
    const b = join(dir, 'b.txt')
    writeFileSync(a, 'old a')
    writeFileSync(b, 'old b')
    // The third file's folder does not exist: its temp file cannot be created
    // after the first two temp files were written in full.
    expect(() =>
      writeFilesAtomic([
        { path: a, data: 'new a' },
        { path: b, data: 'new b' },
        { path: join(dir, 'missing', 'c.txt'), data: 'new c' }
      ])
    ).toThrow(expect.objectContaining({ code: 'ENOENT' }))
    expect(readFileSync(a, 'utf8')).toBe('old a')
    expect(readFileSync(b, 'utf8')).toBe('old b')
    expect(listing(dir)).toEqual(['a.txt', 'b.txt'])
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a folder that cannot be written: the target keeps its content, no temp file', () => {
    const dir = join(t.dir, 'readonly')
    mkdirSync(dir)
    const target = join(dir, 'keep.txt')
    writeFileSync(target, 'old')
    chmodSync(dir, 0o555)
    try {
      expect(() => writeFileAtomic(target, 'new')).toThrow(expect.objectContaining({ code: 'EACCES' }))
    } finally {
      chmodSync(dir, 0o755)
    }
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(listing(dir)).toEqual(['keep.txt'])
  })
})

describe('a write cut short (the file-size limit, as a full disk)', () => {
  let moduleJs = ''
  beforeAll(async () => {
    // The real module, bundled for a plain-Node child whose file-size limit
    // (ulimit -f) makes write() fail part-way with EFBIG.
    const out = join(t.dir, 'bundle')
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      build: {
        ssr: join(REPO_ROOT, 'src-main/core/fs/atomicWrite.ts'),
        outDir: out,
        emptyOutDir: true,
        rollupOptions: { output: { format: 'es', entryFileNames: 'atomicWrite.mjs' } }
      }
    })
    moduleJs = join(out, 'atomicWrite.mjs')
  }, 60_000)

  it.skipIf(process.platform === 'win32')('leaves the old file in place and removes the temp file', () => {
    const dir = join(t.dir, 'efbig')
    mkdirSync(dir)
    const target = join(dir, 'project.json')
    writeFileSync(target, 'old content')
    const child = join(t.dir, 'child.mjs')
    writeFileSync(
      child,
      `import { writeFileAtomic } from ${JSON.stringify(moduleJs)}
try {
  writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(4 * 1024 * 1024).fill(0x61))
  console.log(JSON.stringify({ ok: true }))
} catch (e) {
  console.log(JSON.stringify({ code: e.code }))
}
`
    )
    // 64 blocks: 32 KiB (sh) or 64 KiB (bash), far below the 4 MiB written.
    const r = spawnSync('/bin/sh', ['-c', `ulimit -f 64 && exec "${process.execPath}" "${child}"`], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ code: 'EFBIG' })
    expect(readFileSync(target, 'utf8')).toBe('old content')
    expect(listing(dir)).toEqual(['project.json'])
  })
})

describe('fsync helpers and their users', () => {
  it('fsync a real file and folder; a missing file is an error, not silence', () => {
    const f = join(t.dir, 'sync.txt')
    writeFileSync(f, 'x')
    expect(() => fsyncFile(f)).not.toThrow()
    expect(() => fsyncDir(t.dir)).not.toThrow()
    expect(() => fsyncFile(join(t.dir, 'nope.txt'))).toThrow(expect.objectContaining({ code: 'ENOENT' }))
  })

  it('the app settings are written through it: whole JSON, no temp file beside them', () => {
    const dir = join(t.dir, 'settings')
    const s = new SettingsStore(dir)
    s.rememberProject('/x/a.rwb', 'a')
    s.setUserName('Analyst')
    expect(listing(dir)).toEqual(['settings.json'])
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ lastProject: '/x/a.rwb', userName: 'Analyst' })
    expect(new SettingsStore(dir).get().recent.map((r) => r.path)).toEqual(['/x/a.rwb'])
  })
})
