// One small white glyph per entity type, drawn on the node's coloured disc.
// Inline SVG data URIs: nothing is fetched, and they export to PNG, SVG and
// PDF like the rest of the map.

const PATHS: Record<string, string> = {
  // head and shoulders
  Person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5z"/>',
  // three figures
  Organization:
    '<circle cx="12" cy="7" r="3"/><circle cx="5.5" cy="10" r="2.3"/><circle cx="18.5" cy="10" r="2.3"/><path d="M7 20c0-3.3 2.2-5.8 5-5.8s5 2.5 5 5.8z"/><path d="M1.5 19c0-2.6 1.7-4.5 4-4.5 1 0 1.8.3 2.5.9-1 1.1-1.6 2.3-1.8 3.6zM22.5 19c0-2.6-1.7-4.5-4-4.5-1 0-1.8.3-2.5.9 1 1.1 1.6 2.3 1.8 3.6z"/>',
  // office tower
  Company: '<path d="M5 21V4l9-2v19zM15 21V8l5 1.5V21z"/><path fill="#000" fill-opacity=".28" d="M7.5 6h2v2h-2zM11 6h1.5v2H11zM7.5 10h2v2h-2zM11 10h1.5v2H11zM7.5 14h2v2h-2zM11 14h1.5v2H11z"/>',
  // columns under a pediment
  PublicBody: '<path d="M12 2 2 7.5h20z"/><path d="M4 9.5h3v8H4zM10.5 9.5h3v8h-3zM17 9.5h3v8h-3zM2 19h20v3H2z"/>',
  // map pin
  Location: '<path d="M12 2c-4 0-7 3-7 7 0 5.3 7 13 7 13s7-7.7 7-13c0-4-3-7-7-7zm0 9.6a2.6 2.6 0 1 1 0-5.2 2.6 2.6 0 0 1 0 5.2z"/>',
  // coins
  Money: '<ellipse cx="12" cy="6" rx="8" ry="3.2"/><path d="M4 8.5c0 1.8 3.6 3.2 8 3.2s8-1.4 8-3.2V12c0 1.8-3.6 3.2-8 3.2S4 13.8 4 12zM4 15.5c0 1.8 3.6 3.2 8 3.2s8-1.4 8-3.2V19c0 1.8-3.6 3.2-8 3.2S4 20.8 4 19z"/>',
  // calendar
  Date: '<path d="M3 6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm2 4v10h14V10z"/><path d="M7 2h2v4H7zM15 2h2v4h-2zM7 12h3v3H7zM11 12h3v3h-3z"/>',
  // star
  Event: '<path d="m12 2 2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17l-6.1 3.4 1.5-6.8L2.2 9l6.9-.7z"/>',
  // chip
  Technology:
    '<path d="M6 6h12v12H6z"/><path d="M8 2h1.6v3H8zM11.2 2h1.6v3h-1.6zM14.4 2H16v3h-1.6zM8 19h1.6v3H8zM11.2 19h1.6v3h-1.6zM14.4 19H16v3h-1.6zM2 8h3v1.6H2zM2 11.2h3v1.6H2zM2 14.4h3V16H2zM19 8h3v1.6h-3zM19 11.2h3v1.6h-3zM19 14.4h3V16h-3z"/>',
  // newspaper
  Source: '<path d="M3 4h15v16H5a2 2 0 0 1-2-2zM19 8h2v10a2 2 0 0 1-2 2z"/><path fill="#000" fill-opacity=".28" d="M5.5 7h10v3h-10zM5.5 12h4.5v1.5H5.5zM11 12h4.5v1.5H11zM5.5 15h4.5v1.5H5.5zM11 15h4.5v1.5H11z"/>'
}

// anything else: a tag
const FALLBACK = '<path d="M3 3h8.5L21 12.5 12.5 21 3 11.5zm4.5 2.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"/>'

const cache = new Map<string, string>()

/** The glyph as an SVG document (white on transparent). */
export function iconSvg(type: string, size = 48): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="#ffffff">${PATHS[type] ?? FALLBACK}</svg>`
}

/** The glyph as a data URI for a Cytoscape background image. */
export function iconUri(type: string): string {
  let uri = cache.get(type)
  if (!uri) cache.set(type, (uri = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(type))}`))
  return uri
}

export function hasOwnIcon(type: string): boolean {
  return type in PATHS
}
