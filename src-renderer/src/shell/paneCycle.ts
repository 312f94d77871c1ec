// F6 / Shift+F6: the focus moves to the next (previous) part of the window:
// the top bar, the library, the centre (reader, map or claims) and the
// entities pane, skipping folded ones. Inside a part the focus lands where it
// was when the part was left, else on the part's main control: a list's
// current item (its roving Tab stop), the reader's text, the map, or the
// first control.
//
// Trade-offs: the parts are found in the DOM by their landmarks, not
// registered by the features, so a feature needs nothing to take part; the
// last focused element per part is remembered and checked for `isConnected`
// before use, so a re-rendered pane falls back to its main control instead
// of a detached node.
const PARTS = ['.topbar', '#pane-library', 'section.center', '#pane-entities'] as const

/** The main control of a part, in order of preference. */
const MAIN = ['.doc-text', '[data-roving][tabindex="0"]', '[role="application"]', '.claim-row[tabindex="0"]', 'input, select, button:not([disabled]), [tabindex="0"]']

const lastIn = new Map<string, HTMLElement>()

function mainControl(part: HTMLElement): HTMLElement | undefined {
  for (const sel of MAIN) {
    const found = [...part.querySelectorAll<HTMLElement>(sel)].find(visible)
    if (found) return found
  }
  return undefined
}

function visible(el: HTMLElement | null): el is HTMLElement {
  return !!el && !el.hidden && !el.closest('[hidden]') && el.getClientRects().length > 0
}

function partOf(el: Element | null): number {
  if (!el) return -1
  return PARTS.findIndex((sel) => !!el.closest(sel))
}

/** Moves the focus `step` parts on (1 or -1). Returns whether the focus moved. */
export function cyclePanes(step: 1 | -1): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const here = partOf(active)
  if (here >= 0 && active) lastIn.set(PARTS[here]!, active)
  const n = PARTS.length
  for (let k = 1; k <= n; k++) {
    const i = (((here < 0 ? (step > 0 ? -1 : 0) : here) + step * k) % n + n) % n
    const part = document.querySelector<HTMLElement>(PARTS[i]!)
    if (!visible(part)) continue
    const remembered = lastIn.get(PARTS[i]!)
    const target = remembered && remembered.isConnected && part.contains(remembered) && visible(remembered) ? remembered : mainControl(part)
    if (!target) continue
    target.focus()
    if (document.activeElement === target) return true
  }
  return false
}
