import { describe, expect, it } from 'vitest'
import { industriesText } from '../../../portal/src/check/check-format.ts'
import { en } from '../../../portal/src/i18n/en.ts'
import {
  localeOf,
  localePath,
  otherLocale,
  splitLocalePath,
  stringsFor,
} from '../../../portal/src/i18n/index.ts'
import { addressIn } from '../../../portal/src/i18n/language-switch.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'
import { formatReportTime } from '../../../portal/src/report/report-format.ts'

describe('the locale of a language tag', () => {
  it('is English for English tags and Chinese for anything else', () => {
    expect(localeOf('en')).toBe('en')
    expect(localeOf('en-GB')).toBe('en')
    expect(localeOf('zh-CN')).toBe('zh-CN')
    expect(localeOf('fr')).toBe('zh-CN')
    expect(localeOf('')).toBe('zh-CN')
    // Outside a browser there is no page to ask.
    expect(localeOf(undefined)).toBe('zh-CN')
    expect(stringsFor(undefined)).toBe(zh)
    expect(stringsFor('en')).toBe(en)
    expect(otherLocale('en')).toBe('zh-CN')
    expect(otherLocale(undefined)).toBe('en')
  })
})

describe('paths per locale', () => {
  it('puts English pages under /en/ and leaves Chinese ones at the root', () => {
    expect(localePath('/', 'en')).toBe('/en/')
    expect(localePath('/check/?id=x#map', 'en')).toBe('/en/check/?id=x#map')
    expect(localePath('/precheck/', 'zh-CN')).toBe('/precheck/')
    expect(localePath('/precheck/')).toBe('/precheck/')
  })

  it('reads the locale off a path', () => {
    expect(splitLocalePath('/en/units/ZH43040720001/')).toEqual({
      locale: 'en',
      path: '/units/ZH43040720001/',
    })
    expect(splitLocalePath('/en')).toEqual({ locale: 'en', path: '/' })
    expect(splitLocalePath('/english/')).toEqual({ locale: 'zh-CN', path: '/english/' })
    expect(splitLocalePath('/about/')).toEqual({ locale: 'zh-CN', path: '/about/' })
  })

  it('gives the same address in the other language, query and fragment kept', () => {
    expect(addressIn('zh-CN', '/en/check/', '?id=x', '#map')).toBe('/check/?id=x#map')
    expect(addressIn('en', '/check/', '?id=x', '#map')).toBe('/en/check/?id=x#map')
    expect(addressIn('en', '/')).toBe('/en/')
    expect(addressIn('zh-CN', '/en/')).toBe('/')
  })
})

describe('text the scripts put together in English', () => {
  it('joins lists with commas', () => {
    expect(industriesText(['C26', 'C27'], en)).toBe('C26, C27')
    expect(industriesText(['C26', 'C27'], zh)).toBe('C26、C27')
  })

  it('dates day, month, year', () => {
    // 00:30 UTC is 08:30 in China Standard Time, the same day.
    const shown = formatReportTime('2025-05-01T00:30:00Z', en)
    expect(shown).toMatch(/^1 May 2025\b/)
    expect(shown).toMatch(/08:30$/)
  })
})
