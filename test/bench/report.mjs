// The evidence report on a large project: 1,000 documents, 5,000 entities
// and 20,000 claims (each with a passage, every fourth with an attribution,
// notes on some), plus a 2,400 × 1,600 map PNG. Measured: the one read in
// the database worker (`report.rows`), building the Word document, building
// the HTML file (each median of 3), and the files' sizes. The project is
// built through the worker's ordinary operations (insertMany for the
// documents, claims.create for each claim), which takes a while and is not
// measured.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PNG } from 'pngjs'
import { loadCore } from './lib/core.mjs'
import { median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

const DEFAULTS = { documents: 1000, entities: 5000, claims: 20000, runs: 3 }

function mapPng() {
  const p = new PNG({ width: 2400, height: 1600 })
  for (let i = 0; i < p.data.length; i += 4) {
    const px = (i / 4) % 2400
    const py = Math.floor(i / 4 / 2400)
    const ink = (px * 7 + py * 13) % 97 < 3
    p.data[i] = ink ? 40 : 255
    p.data[i + 1] = ink ? 80 : 255
    p.data[i + 2] = ink ? 160 : 255
    p.data[i + 3] = 255
  }
  return new Uint8Array(PNG.sync.write(p))
}

export async function benchReport(options = {}) {
  const { documents, entities, claims, runs } = { ...DEFAULTS, ...options }
  const log = options.log ?? (() => {})
  const { core, warnings } = await loadCore()
  for (const w of warnings) (options.warn ?? log)(w)
  const tmp = tempDir('rwb-bench-report-')
  const results = []
  const label = `${documents}_docs_${claims}_claims`
  try {
    const db = await core.ProjectDb.open(join(tmp.dir, 'bench.rwb'), { create: true, saveDelayMs: 10 * 60_000 })
    try {
      const t0 = performance.now()
      const sentence = (n) => `Company ${n} paid up to $${n}.5 million to Фонд ${n} and 公司${n} on 2025-03-${String((n % 28) + 1).padStart(2, '0')}. `
      const docs = []
      for (let d = 1; d <= documents; d++) {
        const path = join(tmp.dir, `doc-${d}.txt`)
        writeFileSync(path, `Report ${d}\n\n${Array.from({ length: 25 }, (_, i) => sentence(d * 100 + i)).join('')}\n`)
        const file = core.readForImport(path)
        docs.push({ ...core.parseForImport(file), sourcePath: path, mediaType: file.mediaType, sha256: file.sha256, original: file.bytes })
      }
      const docIds = await db.call('documents.insertMany', { documents: docs })
      const texts = new Map()
      for (const id of docIds) texts.set(id, (await db.call('documents.get', { id })).text)
      const entityIds = []
      for (let e = 1; e <= entities; e++) entityIds.push((await db.call('entities.create', { name: e % 3 === 0 ? `Фонд ${e}` : e % 3 === 1 ? `Company ${e}` : `公司${e}`, type: e % 10 === 0 ? 'Source' : 'Company' })).id)
      for (let e = 0; e < entities; e += 5) await db.call('aliases.add', { entityId: entityIds[e], name: `Alias of ${e}` })
      for (let c = 0; c < claims; c++) {
        const docId = docIds[c % docIds.length]
        const text = texts.get(docId)
        const start = text.indexOf('Company')
        const end = text.indexOf('.', start + 20) + 1
        await db.call('claims.create', {
          subjectId: entityIds[c % entities],
          predicate: ['paid', 'owns', 'met with', 'valuation'][c % 4],
          object: c % 4 === 3 ? { kind: 'money', amount: String(1000 + c), currency: 'USD' } : { kind: 'entity', entityId: entityIds[(c * 7 + 1) % entities] },
          qualifier: c % 4 === 3 ? 'up to' : undefined,
          passage: { documentId: docId, start, end },
          attribution: c % 4 === 0 ? [{ entityId: entityIds[9], role: 'reported by' }] : [],
          reliability: 'ABCDEF'[c % 6],
          credibility: (c % 6) + 1,
          status: ['unverified', 'corroborated', 'disputed', 'refuted'][c % 4],
          notes: c % 5 === 0 ? `Note on claim ${c}: checked against the filing.` : ''
        })
      }
      log(`built ${documents} documents, ${entities} entities, ${claims} claims in ${round((performance.now() - t0) / 1000, 1)} s (not measured)`)

      const png = mapPng()
      const reads = []
      const docx = []
      const html = []
      // CPU time beside wall time: on a shared, loaded machine the wall time mostly measures the wait for a CPU.
      const docxCpu = []
      const htmlCpu = []
      const cpuMs = (since) => {
        const u = process.cpuUsage(since)
        return (u.user + u.system) / 1000
      }
      let sizes = { docx: 0, html: 0 }
      for (let r = 0; r < runs; r++) {
        let t = performance.now()
        const rows = await db.call('report.rows', { claimIds: null })
        reads.push(performance.now() - t)
        if (rows.claims.length !== claims) throw new Error(`expected ${claims} claims, read ${rows.claims.length}`)
        const data = { ...rows, project: 'bench', mapName: 'Main map', author: 'bench', date: new Date().toISOString(), selection: 'every claim', image: { png, width: 2400, height: 1600 }, imageNote: null }
        t = performance.now()
        let cpu = process.cpuUsage()
        const d = await core.renderReport(data, 'docx')
        docx.push(performance.now() - t)
        docxCpu.push(cpuMs(cpu))
        t = performance.now()
        cpu = process.cpuUsage()
        const h = await core.renderReport(data, 'html')
        html.push(performance.now() - t)
        htmlCpu.push(cpuMs(cpu))
        sizes = { docx: d.length, html: h.length }
      }
      log(`report.rows ${reads.map((x) => round(x, 0)).join(' / ')} ms; docx ${docx.map((x) => round(x, 0)).join(' / ')} ms (CPU ${docxCpu.map((x) => round(x, 0)).join(' / ')} ms, ${round(sizes.docx / 1e6, 1)} MB); html ${html.map((x) => round(x, 0)).join(' / ')} ms (CPU ${htmlCpu.map((x) => round(x, 0)).join(' / ')} ms, ${round(sizes.html / 1e6, 1)} MB)`)
      results.push({ name: `report_read_${label}_ms`, value: round(median(reads), 0), unit: 'ms' })
      results.push({ name: `report_docx_${label}_ms`, value: round(median(docx), 0), unit: 'ms' })
      results.push({ name: `report_html_${label}_ms`, value: round(median(html), 0), unit: 'ms' })
      results.push({ name: `report_docx_cpu_${label}_ms`, value: round(median(docxCpu), 0), unit: 'ms' })
      results.push({ name: `report_html_cpu_${label}_ms`, value: round(median(htmlCpu), 0), unit: 'ms' })
      results.push({ name: `report_docx_${label}_MB`, value: round(sizes.docx / 1e6, 1), unit: 'MB' })
      results.push({ name: `report_html_${label}_MB`, value: round(sizes.html / 1e6, 1), unit: 'MB' })
    } finally {
      await db.close()
    }
  } finally {
    tmp.cleanup()
  }
  return results
}
