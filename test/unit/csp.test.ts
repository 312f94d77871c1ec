import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP } from '../../src-main/electron/csp'
import { REPO_ROOT } from '../support/tempDir'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/)
        return [name!, values]
      })
  )
}

describe('Content Security Policy', () => {
  const csp = directives(CSP)

  it('allows nothing by default and scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('never allows eval, inline scripts or any remote origin', () => {
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'")
      if (name.startsWith('script')) expect(values, name).not.toContain("'unsafe-inline'")
      for (const v of values) expect(v, `${name} ${v}`).not.toMatch(/^(https?:|wss?:|\*)/)
    }
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })

  it('is mirrored in the renderer page (the meta tag cannot carry frame-ancestors)', () => {
    const html = readFileSync(join(REPO_ROOT, 'src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeTruthy()
    const fromMeta = directives(meta!)
    const expected = new Map(csp)
    expected.delete('frame-ancestors')
    expect(fromMeta).toEqual(expected)
  })
})
