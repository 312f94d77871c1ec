// The CLI's argument reading (src-main/cli/args.ts), on node:util parseArgs:
// the lenient way keeps dash-words as positionals and rwb's own messages;
// the strict way is parseArgs's own validation.
import { describe, expect, it } from 'vitest'
import { CliError, parseCommandArgs } from '../../src-main/cli/args'

const opts = { json: { type: 'boolean' }, limit: { type: 'string' } } as const

function failure(fn: () => unknown): { message: string; exitCode: number } {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CliError)
    return { message: (e as CliError).message, exitCode: (e as CliError).exitCode }
  }
  throw new Error('expected a usage error')
}

describe('parseCommandArgs (lenient)', () => {
  it('keeps flags anywhere, single-dash words as they were, and everything after -- as positionals', () => {
    expect(parseCommandArgs(['p.rwb', '-word', '--limit', '5', 'x', '-', '-5', '--json', '--', '--json', '-ab'], opts)).toEqual({
      positionals: ['p.rwb', '-word', 'x', '-', '-5', '--json', '-ab'],
      values: { limit: '5', json: true }
    })
  })

  it('reads --name=value; the last of a repeated option wins; a string option takes the next word whatever it is', () => {
    expect(parseCommandArgs(['--limit=3', 'q', '--limit=7'], opts).values).toEqual({ limit: '7' })
    expect(parseCommandArgs(['q', '--limit', '--json'], opts)).toEqual({ positionals: ['q'], values: { limit: '--json' } })
    expect(parseCommandArgs(['q', '--limit='], opts).values).toEqual({ limit: '' })
  })

  it("reports rwb's messages as usage errors (exit 2)", () => {
    expect(failure(() => parseCommandArgs(['p', '--yaml'], opts))).toEqual({ message: 'unknown option --yaml (rwb --help for usage)', exitCode: 2 })
    expect(failure(() => parseCommandArgs(['p', '--yaml=1'], opts)).message).toBe('unknown option --yaml (rwb --help for usage)')
    expect(failure(() => parseCommandArgs(['p', '--json=yes'], opts)).message).toBe('--json takes no value (rwb --help for usage)')
    expect(failure(() => parseCommandArgs(['p', '--limit'], opts)).message).toBe('--limit needs a value (rwb --help for usage)')
    expect(failure(() => parseCommandArgs(['--__proto__'], opts)).message).toBe('unknown option --__proto__ (rwb --help for usage)')
  })
})

describe('parseCommandArgs (strict)', () => {
  it("is parseArgs's own: a single-dash word is an unknown option; the message is its first line", () => {
    expect(parseCommandArgs(['--format=cyjs', 'p.rwb', '--out', 'x'], { format: { type: 'string' }, out: { type: 'string' } }, { strict: true })).toEqual({
      positionals: ['p.rwb'],
      values: { format: 'cyjs', out: 'x' }
    })
    const e = failure(() => parseCommandArgs(['p.rwb', '-x'], { json: { type: 'boolean' } }, { strict: true }))
    expect(e.exitCode).toBe(2)
    expect(e.message).toMatch(/^Unknown option '-x'.*\(rwb --help for usage\)$/)
    expect(e.message).not.toContain('\n')
  })
})
