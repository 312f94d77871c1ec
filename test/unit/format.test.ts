// The renderer's one date formatter (ui/format.ts), with the locale and time
// zone pinned so the expectations hold on any machine.
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDay, formatStamp, formatTime } from '../../src-renderer/src/ui/format'

const GB = { locale: 'en-GB', timeZone: 'UTC' }
const NY = { locale: 'en-GB', timeZone: 'America/New_York' }

describe('formatDay', () => {
  it('writes the day in the locale', () => {
    expect(formatDay('2026-11-27T10:00:00Z', GB)).toBe('27 Nov 2026')
    expect(formatDay('2026-11-27T10:00:00Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 27, 2026')
    expect(formatDay('2026-11-27T10:00:00Z', { locale: 'de-DE', timeZone: 'UTC' })).toBe('27. Nov. 2026')
  })

  it('shows a timestamp on its day in the user’s time zone', () => {
    expect(formatDay('2026-03-05T02:00:00Z', NY)).toBe('4 Mar 2026')
    expect(formatDay('2026-03-05T02:00:00+09:00', GB)).toBe('4 Mar 2026')
  })

  it('keeps a date-only value on its calendar day everywhere', () => {
    expect(formatDay('2026-03-05', NY)).toBe('5 Mar 2026')
    expect(formatDay('2026-03-05', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('5 Mar 2026')
  })

  it('gives nothing for nothing and the text itself when it is no date', () => {
    expect(formatDay(null)).toBe('')
    expect(formatDay('')).toBe('')
    expect(formatDay(undefined)).toBe('')
    expect(formatDay('Spring 2024', GB)).toBe('Spring 2024')
    expect(formatDay('March 2024', GB)).toBe('March 2024')
    expect(formatDay('2024-03', GB)).toBe('2024-03')
    expect(formatDay('2024', GB)).toBe('2024')
  })

  it('reads the other day formats article metadata uses', () => {
    expect(formatDay('Tue, 05 Mar 2024 10:00:00 GMT', GB)).toBe('5 Mar 2024')
    expect(formatDay(' 2024-03-05 ', NY)).toBe('5 Mar 2024')
  })
})

describe('formatDateTime and formatTime', () => {
  it('write the full stamp and the time of day in the locale and zone', () => {
    expect(formatDateTime('2026-11-27T14:05:09Z', GB)).toBe('27/11/2026, 14:05:09')
    expect(formatDateTime('2026-11-27T14:05:09Z', NY)).toBe('27/11/2026, 09:05:09')
    expect(formatTime('2026-11-27T14:05:09Z', GB)).toBe('14:05:09')
    expect(formatTime('2026-11-27T14:05:09Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('02:05:09 PM')
    expect(formatDateTime('not a date')).toBe('not a date')
    expect(formatTime(null)).toBe('')
  })
})

describe('formatStamp', () => {
  const now = new Date('2026-11-27T23:30:00Z')
  it('says Today with the time for today, the date and minute otherwise', () => {
    expect(formatStamp('2026-11-27T08:01:02Z', now, GB)).toEqual({ text: 'Today 08:01:02', full: '27/11/2026, 08:01:02' })
    expect(formatStamp('2026-11-26T08:01:02Z', now, GB).text).toBe('26 Nov 2026, 08:01')
  })

  it('decides "today" in the user’s time zone', () => {
    // 23:30 UTC is already the 28th in Tokyo, where 08:01 UTC on the 27th was yesterday.
    const tokyo = { locale: 'en-GB', timeZone: 'Asia/Tokyo' }
    expect(formatStamp('2026-11-27T08:01:02Z', now, tokyo).text).toBe('27 Nov 2026, 17:01')
    expect(formatStamp('2026-11-27T20:00:00Z', now, tokyo).text).toBe('Today 05:00:00')
  })

  it('passes text that is no date through', () => {
    expect(formatStamp('garbage', now)).toEqual({ text: 'garbage', full: 'garbage' })
  })
})
