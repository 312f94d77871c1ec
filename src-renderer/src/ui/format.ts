// Dates and times as the user's locale writes them: the one place the
// renderer turns a stored ISO timestamp into text (library, reader, entity
// merge history, activity log, document details, save indicator).
//
// Trade-offs: the locale and time zone default to the system's (an analyst
// reads their own clock); tests pass both explicitly. A date-only value
// ("2024-03-05", as article metadata often is) is shown as that calendar day
// in every time zone, rather than the UTC midnight JavaScript parses it as,
// which west of Greenwich would show the day before. Text that names no day
// (a publisher's "Spring 2024") comes back as it is, rather than vanishing or
// becoming the 1st of January.

export interface FormatOptions {
  locale?: string
  timeZone?: string
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }
const MINUTE: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit' }
const SECONDS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' }

/**
 * The moment `text` names, or null. JavaScript's parser is lenient ("Spring
 * 2024" parses as 1 January), so a value must name a day: an ISO date, or at
 * least two groups of digits (day and year), never just a year and month.
 */
function parse(text: string): Date | null {
  const s = text.trim()
  const namesDay = /^\d{4}-\d{2}-\d{2}/.test(s) || ((s.match(/\d+/g)?.length ?? 0) >= 2 && !/^\d{4}-\d{2}$/.test(s))
  const d = namesDay ? new Date(s) : null
  return d && !Number.isNaN(d.getTime()) ? d : null
}

/** "27 Nov 2026" (in the locale's order); '' for nothing; the text itself when it is no date. */
export function formatDay(iso: string | null | undefined, o: FormatOptions = {}): string {
  if (!iso) return ''
  const d = parse(iso)
  if (!d) return iso
  const timeZone = DATE_ONLY.test(iso.trim()) ? 'UTC' : o.timeZone
  return d.toLocaleDateString(o.locale, { ...DAY, timeZone })
}

/** Date and time in the locale's full form ("27/11/2026, 14:05:09"), for details and tooltips. */
export function formatDateTime(iso: string | null | undefined, o: FormatOptions = {}): string {
  if (!iso) return ''
  const d = parse(iso)
  return d ? d.toLocaleString(o.locale, { timeZone: o.timeZone }) : iso
}

/** The time of day ("14:05:09"). */
export function formatTime(iso: string | null | undefined, o: FormatOptions = {}): string {
  if (!iso) return ''
  const d = parse(iso)
  return d ? d.toLocaleTimeString(o.locale, { ...SECONDS, timeZone: o.timeZone }) : iso
}

/**
 * A log row's time: "Today 14:05:09" for today, else "27 Nov 2026, 14:05";
 * `full` is the complete stamp for a tooltip.
 */
export function formatStamp(iso: string, now: Date = new Date(), o: FormatOptions = {}): { text: string; full: string } {
  const d = parse(iso)
  if (!d) return { text: iso, full: iso }
  const dayOf = (x: Date) => x.toLocaleDateString('en-CA', { timeZone: o.timeZone })
  const text = dayOf(d) === dayOf(now) ? `Today ${formatTime(iso, o)}` : d.toLocaleString(o.locale, { ...MINUTE, timeZone: o.timeZone })
  return { text, full: formatDateTime(iso, o) }
}
