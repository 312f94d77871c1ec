// The SVG export's node icons as vector shapes. canvas2svg (inside
// cytoscape-svg) turns every drawImage into an <image> holding a PNG of the
// image at its drawn size (23 px for a node icon), which blurs when the map
// is enlarged or printed. The map's icons are SVG documents already
// (icons.ts), so a drawImage of one is written as that document nested in
// place instead: an <svg> with the image's destination box and the source
// rectangle as its viewBox, inheriting the group's transform and clip as the
// <image> did. Any other image keeps canvas2svg's behaviour.

interface C2SLike {
  __document: Document
  globalAlpha: number
  __closestGroupOrSvg(): Element
  drawImage(img: CanvasImageSource, ...a: number[]): void
  __rwbVectorImages?: boolean
}

const parsed = new Map<string, Element | null>()

/** The SVG root behind an image's src if it is an SVG data URI (cached), else null. */
function svgRoot(src: string): Element | null {
  if (parsed.has(src)) return parsed.get(src)!
  let root: Element | null = null
  const m = /^data:image\/svg\+xml(;base64)?(?:;[^,]*)?,(.*)$/s.exec(src)
  if (m) {
    try {
      const doc = new DOMParser().parseFromString(m[1] ? atob(m[2]!) : decodeURIComponent(m[2]!), 'image/svg+xml')
      if (doc.documentElement.nodeName === 'svg') root = doc.documentElement
    } catch {
      root = null
    }
  }
  parsed.set(src, root)
  return root
}

export function patchVectorImages(proto: C2SLike): void {
  if (proto.__rwbVectorImages) return
  const original = proto.drawImage
  proto.drawImage = function (this: C2SLike, img: CanvasImageSource, ...a: number[]) {
    const src = (img as HTMLImageElement).nodeName === 'IMG' ? (img as HTMLImageElement).getAttribute('src') : null
    const root = src ? svgRoot(src) : null
    if (!root) return original.call(this, img, ...a)
    const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number)
    const iw = Number(root.getAttribute('width')) || vb[2] || 24
    const ih = Number(root.getAttribute('height')) || vb[3] || 24
    const [vx, vy, vw, vh] = vb.length === 4 && vb.every(Number.isFinite) ? vb : [0, 0, iw, ih]
    let [sx, sy, sw, sh, dx, dy, dw, dh] = [0, 0, iw, ih, 0, 0, iw, ih]
    if (a.length === 2) [dx, dy] = a as [number, number]
    else if (a.length === 4) [dx, dy, dw, dh] = a as [number, number, number, number]
    else if (a.length >= 8) [sx, sy, sw, sh, dx, dy, dw, dh] = a as [number, number, number, number, number, number, number, number]
    if (!sw || !sh || !dw || !dh) return
    // A fresh <svg> with the icon's children: the parsed root carries an xmlns attribute, which canvas2svg's
    // serialiser would take for its own root's and rewrite into a duplicate attribute.
    const el = this.__document.createElementNS('http://www.w3.org/2000/svg', 'svg')
    for (const attr of ['fill', 'stroke', 'fill-rule']) {
      const v = root.getAttribute(attr)
      if (v !== null) el.setAttribute(attr, v)
    }
    for (const child of root.childNodes) el.appendChild(this.__document.importNode(child, true))
    const kx = vw! / iw
    const ky = vh! / ih
    el.setAttribute('x', String(dx))
    el.setAttribute('y', String(dy))
    el.setAttribute('width', String(dw))
    el.setAttribute('height', String(dh))
    el.setAttribute('viewBox', `${vx! + sx * kx} ${vy! + sy * ky} ${sw * kx} ${sh * ky}`)
    el.setAttribute('preserveAspectRatio', 'none')
    el.setAttribute('overflow', 'hidden')
    if (this.globalAlpha !== 1) el.setAttribute('opacity', String(this.globalAlpha))
    this.__closestGroupOrSvg().appendChild(el)
  }
  proto.__rwbVectorImages = true
}
