import { describe, expect, it } from 'vitest'
import {
  asIndustryCode,
  industrySearchUrl,
  readMatches,
} from '../../../portal/src/precheck/industry-search.ts'

describe('asIndustryCode', () => {
  it('reads section letters alone or with two to four digits, in any case', () => {
    expect(asIndustryCode(' c2614 ')).toBe('C2614')
    expect(asIndustryCode('A')).toBe('A')
    expect(asIndustryCode('d44')).toBe('D44')
  })

  it('is undefined for names, digits alone and letters beyond T', () => {
    for (const text of ['化学', '2614', 'C2', 'C26145', 'Z12', '']) {
      expect(asIndustryCode(text), text).toBeUndefined()
    }
  })
})

describe('industrySearchUrl', () => {
  it('asks for twenty matches of the trimmed text', () => {
    expect(industrySearchUrl(' 化学 ')).toBe(
      `/api/industries?q=${encodeURIComponent('化学')}&limit=20`,
    )
    expect(industrySearchUrl('  ')).toBeUndefined()
  })

  it('cuts the text to the fifty characters the API takes', () => {
    const url = industrySearchUrl('化'.repeat(60))!
    expect(new URL(url, 'http://x').searchParams.get('q')).toBe('化'.repeat(50))
  })
})

describe('readMatches', () => {
  it('keeps the entries of the catalogue and whether there are more', () => {
    const body = {
      q: '化学',
      industries: [
        { code: 'C26', name_zh: '化学原料和化学制品制造业', name_en: null, level: 'division' },
        { code: 'C99', name_zh: '未知', level: 'galaxy' },
      ],
      more: true,
    }
    expect(readMatches(body)).toEqual({ industries: [body.industries[0]], more: true })
    expect(readMatches({ error: {} })).toBeUndefined()
  })
})
