// The suggestion worker, built the way the app builds it (Vite, one file),
// through the client main uses: the model loads once, suggestions come back
// the same as in-process, and a stopped worker fails its requests plainly
// and is replaced by the next one.
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SuggestClient } from '../../src-main/core/suggest/client'
import { PART_SIZE } from '../../src-main/core/suggest/protocol'
import { BACKGROUND_NICE } from '../../src-main/core/app/threadPriority'
import { suggestEntities } from '../../src-main/core/suggest/suggest'
import { goldText } from '../support/suggestGold'
import { REPO_ROOT } from '../support/tempDir'

const WORKER = resolve(REPO_ROOT, 'test/.cache/suggest-worker.js')

describe('suggestion worker', () => {
  let client: SuggestClient

  beforeAll(async () => {
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      build: {
        ssr: resolve(REPO_ROOT, 'src-main/core/suggest/suggestWorker.ts'),
        outDir: resolve(REPO_ROOT, 'test/.cache'),
        emptyOutDir: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'suggest-worker.js' } }
      }
    })
    client = new SuggestClient(WORKER)
  }, 120_000)
  afterAll(() => client.close())

  it('loads the model once and answers like the in-process engine', async () => {
    const warm = await client.warm()
    expect(warm.modelLoadMs).toBeGreaterThan(0)
    const { text, lang } = goldText('seed')
    const r = await client.suggest(text, { lang })
    expect(r.modelLoadMs).toBe(warm.modelLoadMs)
    expect(r.suggestions).toEqual(suggestEntities(text, { lang }))
    expect(r.suggestions.find((s) => s.text === '$29 billion')?.value).toEqual({
      object: { kind: 'money', amount: '29000000000', currency: 'USD' },
      qualifier: 'up to'
    })
  })

  it.runIf(process.platform === 'linux')('runs below main: the worker thread is at background priority, main is not', async () => {
    await client.warm()
    const nice = (stat: string) => Number(stat.split(') ')[1]!.split(' ')[16])
    const mainNice = nice(readFileSync(`/proc/${process.pid}/stat`, 'utf8'))
    const threads = readdirSync(`/proc/${process.pid}/task`).map((t) => nice(readFileSync(`/proc/${process.pid}/task/${t}/stat`, 'utf8')))
    expect(threads.filter((n) => n === mainNice + BACKGROUND_NICE || n === Math.min(19, BACKGROUND_NICE))).not.toHaveLength(0)
    expect(nice(readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8'))).toBe(mainNice)
  })

  it('sends a long answer in parts that arrive whole and in order, requests answered one by one', async () => {
    const { text, lang } = goldText('seed')
    const one = suggestEntities(text, { lang })
    // Enough copies of the article for several parts; a short request sent meanwhile waits its turn.
    const copies = Math.ceil((PART_SIZE * 2.5) / one.length)
    const long = Array.from({ length: copies }, () => text).join('\n\n')
    const [big, small] = await Promise.all([client.suggest(long, { lang }), client.suggest('Marcus Thorne met Scale AI officials in Paris.')])
    expect(big.suggestions.length).toBeGreaterThan(PART_SIZE * 2)
    expect(big.suggestions).toEqual(suggestEntities(long, { lang }))
    expect(small.suggestions.map((s) => s.text)).toEqual(['Marcus Thorne', 'Scale AI', 'Paris'])
  }, 60_000)

  it('fails pending requests when stopped, and starts afresh after', async () => {
    const pending = client.suggest('Marcus Thorne met Scale AI officials in Paris.')
    const failed = expect(pending).rejects.toThrow(/The app is closing/)
    await client.close()
    await failed
    const again = await client.suggest('Marcus Thorne met Scale AI officials in Paris.')
    expect(again.suggestions.map((s) => s.text)).toEqual(['Marcus Thorne', 'Scale AI', 'Paris'])
  })
})
