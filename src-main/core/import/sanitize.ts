// DOMPurify over jsdom: what is kept of an imported page is sanitised before
// anything else looks at it. Nothing is fetched: jsdom loads no resources and
// runs no scripts unless asked, and we never ask.
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'

let window: JSDOM['window'] | null = null
let purifier: ReturnType<typeof createDOMPurify> | null = null

/** One inert jsdom window, shared by the sanitiser and small parsing jobs (XML parts, fragments). */
export function sharedWindow(): JSDOM['window'] {
  if (!window) window = new JSDOM('').window
  return window
}

function getPurifier() {
  if (!purifier) purifier = createDOMPurify(sharedWindow() as unknown as Window & typeof globalThis)
  return purifier
}

/** Returns a sanitised DOM fragment holding only prose structure. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return getPurifier().sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'template', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'video', 'audio', 'source', 'picture', 'link', 'meta', 'base'],
    FORBID_ATTR: ['style', 'src', 'srcset', 'href', 'action', 'formaction', 'background', 'poster']
  }) as unknown as DocumentFragment
}
