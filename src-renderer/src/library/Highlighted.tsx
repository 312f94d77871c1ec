// Plain text with some ranges marked; always rendered as text, never HTML.
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: { t: string; hit: boolean }[] = []
  let at = 0
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s) continue
    if (s > at) parts.push({ t: text.slice(at, s), hit: false })
    parts.push({ t: text.slice(s, e), hit: true })
    at = e
  }
  if (at < text.length) parts.push({ t: text.slice(at), hit: false })
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.t}</mark> : <span key={i}>{p.t}</span>))}
    </>
  )
}
