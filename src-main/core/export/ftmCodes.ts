// Codes FollowTheMoney wants: ISO 3166-1 country codes (lower case) for a
// Location entity that names a country, ISO 639 three-letter language codes,
// and FtM dates.
//
// Trade-off: country names come from the platform's own ICU data
// (Intl.DisplayNames, in English and the languages our corpus uses), not
// from a bundled gazetteer: no dependency, every spelling ICU knows
// ("Russia", "Россия", "中国", "Deutschland"), plus a few common short forms.
// Only codes that FtM's country type accepts are used (the list below is
// the two-letter codes of @alephdata/followthemoney 3.8's model, checked by
// a test against the package).
const FTM_COUNTRIES = (
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cp cq cr cu cv cw cx cy cz dd de dg dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ' +
  'ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz ' +
  'na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz ta tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi ' +
  'vn vu wf ws xk ye yt za zm zw'
).split(' ')

/** Short forms ICU does not list as names. */
const EXTRA: Record<string, string> = {
  usa: 'us',
  'u.s.': 'us',
  'u.s.a.': 'us',
  'united states of america': 'us',
  america: 'us',
  uk: 'gb',
  'u.k.': 'gb',
  britain: 'gb',
  'great britain': 'gb',
  england: 'gb',
  'russian federation': 'ru',
  prc: 'cn',
  "people's republic of china": 'cn',
  'south korea': 'kr',
  'north korea': 'kp',
  uae: 'ae',
  holland: 'nl',
  'the netherlands': 'nl',
  'czech republic': 'cz'
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

let byName: Map<string, string> | null = null

function countryNames(): Map<string, string> {
  if (byName) return byName
  byName = new Map(Object.entries(EXTRA))
  for (const locale of ['en', 'fr', 'de', 'es', 'ru', 'uk', 'zh', 'ar']) {
    let names: Intl.DisplayNames
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
    } catch {
      continue
    }
    for (const code of FTM_COUNTRIES) {
      const name = names.of(code.toUpperCase())
      if (name && !byName.has(fold(name))) byName.set(fold(name), code)
    }
  }
  return byName
}

/** The FtM country code of a country's name (or of any of its aliases), or null. */
export function countryCode(...names: string[]): string | null {
  const map = countryNames()
  for (const n of names) {
    const code = map.get(fold(n))
    if (code) return code
  }
  return null
}

const LANGUAGES: Record<string, string> = {
  af: 'afr', ar: 'ara', az: 'aze', be: 'bel', bn: 'ben', bs: 'bos', bg: 'bul', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell',
  en: 'eng', et: 'est', fa: 'fas', fi: 'fin', fr: 'fra', he: 'heb', iw: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind',
  is: 'isl', it: 'ita', ja: 'jpn', kn: 'kan', ka: 'kat', kk: 'kaz', km: 'khm', ky: 'kir', ko: 'kor', lv: 'lav', lt: 'lit', lb: 'ltz',
  mk: 'mkd', mt: 'mlt', mn: 'mon', ms: 'msa', my: 'mya', ne: 'nep', nl: 'nld', no: 'nor', nb: 'nor', nn: 'nor', pl: 'pol', pt: 'por',
  ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', es: 'spa', sq: 'sqi', sr: 'srp', sw: 'swa', sv: 'swe', tg: 'tgk', tl: 'tgl', fil: 'fil',
  tk: 'tuk', tr: 'tur', uk: 'ukr', ur: 'urd', uz: 'uzb', zh: 'zho'
}

/** "en-GB" → "eng"; null when FtM's language list has no code for it. */
export function languageCode(lang: string | null): string | null {
  if (!lang) return null
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return LANGUAGES[primary] ?? (Object.values(LANGUAGES).includes(primary) ? primary : null)
}

/** An FtM date (ISO 8601 prefix, UTC, no zone): "2025-03-01T12:00:00Z" → "2025-03-01T12:00:00"; null when unreadable. */
export function ftmDate(value: string | null): string | null {
  if (!value) return null
  const m = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?/.exec(value.trim())
  if (!m) return null
  if (/[+-]\d{2}:?\d{2}$|Z$/i.test(value.trim()) && m[0].length > 10) {
    const d = new Date(value.trim())
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 19)
  }
  return m[0]
}
