import { describe, expect, it } from 'vitest'
import { newTrackingCode, parseTrackingCode } from '../../server/reports/tracking-code.ts'

describe('tracking codes', () => {
  it('are 20 Crockford base32 characters in four groups of five', () => {
    for (let i = 0; i < 200; i++) {
      expect(newTrackingCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/)
    }
  })

  it('do not repeat or follow a sequence', () => {
    const codes = Array.from({ length: 10_000 }, newTrackingCode)
    expect(new Set(codes).size).toBe(codes.length)
    // Every position takes many values: nothing is a counter or a fixed prefix.
    for (let position = 0; position < 23; position++) {
      if (position % 6 === 5) continue
      expect(new Set(codes.map((c) => c[position])).size).toBe(32)
    }
  })

  it('are read in any case, with or without hyphens, with O, I and L for 0 and 1', () => {
    expect(parseTrackingCode('abcde-fghjk-mnpqr-stvwx')).toBe('ABCDE-FGHJK-MNPQR-STVWX')
    expect(parseTrackingCode(' ABCDEFGHJKMNPQRSTVWX ')).toBe('ABCDE-FGHJK-MNPQR-STVWX')
    expect(parseTrackingCode('O0ILl-00000-00000-00000')).toBe('00111-00000-00000-00000')
  })

  it('reads a code typed in full-width forms, or with other dashes', () => {
    // Full-width Ａ is U+FF21, ０ U+FF10 and － U+FF0D; – is an en dash, − a minus sign.
    expect(parseTrackingCode('ａｂｃｄｅ－ＦＧＨＪＫ－ｍｎｐｑｒ－ＳＴＶＷＸ')).toBe(
      'ABCDE-FGHJK-MNPQR-STVWX',
    )
    expect(parseTrackingCode('ABCDE–FGHJK—MNPQR−STVWX')).toBe('ABCDE-FGHJK-MNPQR-STVWX')
    expect(parseTrackingCode('\u3000ABCDE-FGHJK-MNPQR-STVWX\u3000')).toBe('ABCDE-FGHJK-MNPQR-STVWX')
  })

  it.each([
    '',
    'ABCDE',
    'ABCDE-FGHJK-MNPQR-STVWXY',
    'ABCDE-FGHJK-MNPQR-STVW!',
    'UUUUU-00000-00000-00000',
  ])('refuses %j', (text) => {
    expect(parseTrackingCode(text)).toBeUndefined()
  })
})
