export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function max(xs) {
  return Math.max(...xs)
}

export function round(x, digits = 1) {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
