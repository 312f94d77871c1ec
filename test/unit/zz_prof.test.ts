import { it } from 'vitest'
import { layoutBox, planLayout } from '../../src-renderer/src/map/layoutChoice'
import { computePositions } from '../../src-renderer/src/map/layoutEngine'
it('prof', () => {
  let s = 1
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const n = 2000, m = 8000
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, ...layoutBox(30, `Entity ${i}`) }))
  const edges = Array.from({ length: m }, () => { const a = Math.floor(r() * n); return { source: `e${a}`, target: `e${(a + 1 + Math.floor(r() * (n - 1))) % n}` } })
  const plan = planLayout('fcose', n, m)
  for (let k = 0; k < 3; k++) {
    const marks: number[] = [performance.now()]
    const t0 = performance.now()
    computePositions({ nodes, edges, plan }, () => marks.push(performance.now()))
    const t1 = performance.now()
    console.log('total', (t1 - t0).toFixed(0), 'phases at', marks.map((x) => (x - t0).toFixed(0)).join(','))
  }
}, 120000)
