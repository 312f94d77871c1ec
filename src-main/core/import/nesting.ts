// A nesting limit for HTML, applied to the markup before jsdom sees it.
//
// jsdom's tree building costs time proportional to the depth for every node
// it inserts, and some of its code recurses once per level: a page of 10,000
// nested <div>s takes 25 s to parse and 30,000 overflow the stack. Browsers
// cap the depth the same way (Chromium at 512): start tags past the limit
// are dropped, with their end tags, and their content stays where it is.
//
// This is a linear scan with a deliberately simple tag pattern, not an HTML
// parser: it only has to find deep nesting, and a page without any is
// returned unchanged (the same string).
//
// The limit is well below Chromium's: Readability's time grows faster than
// the square of the depth (about 0.1 s at 100 levels, 3 s at 400 on this
// project's machines), and real articles stay far shallower than 128.

export const MAX_NESTING = 128

// Elements with no end tag, and elements whose end tag is optional (the
// parser closes them implicitly, so `<p><p><p>` is not nesting): neither
// counts towards the depth.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'image'])
const IMPLIED_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption'])
// Elements whose content is text up to their end tag.
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title', 'noscript'])

// A comment, or a start/end tag. `[^<>]*` keeps every attempt short: no
// backtracking across the page when a tag is never closed.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*>/g

// An open <a> or <nobr> is closed by the next start tag of the same name.
const CLOSED_BY_REPEAT = new Set(['a', 'nobr', 'button', 'form'])

interface Open {
  name: string
  dropped: boolean
}

export function limitNesting(html: string, max = MAX_NESTING): string {
  // Fast path: too few characters to ever hold that many tags.
  if (html.length < max * 4) return html
  // The stack of open elements, and for each name where its entries are, so
  // that an end tag finds its element without searching the stack.
  const stack: Open[] = []
  const where = new Map<string, number[]>()
  let depth = 0 // kept elements on the stack
  const cuts: [number, number][] = []

  /** Pops everything from stack index i up; true if the element at i was dropped. */
  const closeFrom = (i: number): boolean => {
    const droppedAt = stack[i]!.dropped
    while (stack.length > i) {
      const top = stack.pop()!
      where.get(top.name)!.pop()
      if (!top.dropped) depth--
    }
    return droppedAt
  }

  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase()
    if (!name) continue // a comment
    if (m[1]) {
      // An end tag closes the nearest open element of that name and all
      // opened after it, as the parser does; without one it is ignored.
      const at = where.get(name)
      if (at?.length && closeFrom(at[at.length - 1]!)) cuts.push([m.index, m.index + m[0].length])
      continue
    }
    if (RAW_TEXT.has(name)) {
      // Skip the element's text (a script can hold any "<div>" it likes).
      const end = indexOfEndTag(html, name, TOKEN.lastIndex)
      TOKEN.lastIndex = end < 0 ? html.length : end
      continue
    }
    if (VOID.has(name) || IMPLIED_END.has(name)) continue
    if (CLOSED_BY_REPEAT.has(name)) {
      const at = where.get(name)
      if (at?.length) closeFrom(at[at.length - 1]!)
    }
    const dropped = depth >= max
    if (dropped) cuts.push([m.index, m.index + m[0].length])
    else depth++
    let list = where.get(name)
    if (!list) where.set(name, (list = []))
    list.push(stack.length)
    stack.push({ name, dropped })
  }
  if (!cuts.length) return html
  const parts: string[] = []
  let at = 0
  for (const [s, e] of cuts) {
    parts.push(html.slice(at, s))
    at = e
  }
  parts.push(html.slice(at))
  return parts.join('')
}

/** Index of `</name` (any case) at or after `from`, or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\s/>]`, 'ig')
  re.lastIndex = from
  const m = re.exec(html)
  return m ? m.index : -1
}
