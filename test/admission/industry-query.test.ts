import { describe, expect, it } from 'vitest'
import { parseIndustryQuery } from '../../server/admission/industry-query.ts'

describe('industry search parameters', () => {
  it('trims q and takes 20 results by default', () => {
    expect(parseIndustryQuery({ q: '  化学 ' })).toEqual({ q: '化学', limit: 20 })
  })

  it('takes a limit from 1 to 100', () => {
    expect(parseIndustryQuery({ q: 'C', limit: '1' }).limit).toBe(1)
    expect(parseIndustryQuery({ q: 'C', limit: '100' }).limit).toBe(100)
  })

  it('counts the length of q in characters, not UTF-16 units', () => {
    // 50 characters outside the Basic Multilingual Plane are 100 UTF-16 units.
    expect(parseIndustryQuery({ q: '𠀀'.repeat(50) }).q).toHaveLength(100)
    expect(() => parseIndustryQuery({ q: '𠀀'.repeat(51) })).toThrow(/at most 50/)
  })

  // [case, query, code, field]
  const cases: [string, Record<string, string | string[] | undefined>, string, string][] = [
    ['no q', {}, 'PARAMETER_MISSING', 'q'],
    ['a blank q', { q: ' ' }, 'PARAMETER_MISSING', 'q'],
    ['a long q', { q: 'x'.repeat(51) }, 'PARAMETER_TOO_LONG', 'q'],
    ['two q', { q: ['a', 'b'] }, 'PARAMETER_REPEATED', 'q'],
    ['a q with a NUL', { q: 'C2\u00006' }, 'PARAMETER_INVALID', 'q'],
    ['a q with a line break', { q: 'C2\n6' }, 'PARAMETER_INVALID', 'q'],
    ['a negative limit', { q: 'C', limit: '-1' }, 'LIMIT_INVALID', 'limit'],
    ['a limit in hexadecimal', { q: 'C', limit: '0x10' }, 'LIMIT_INVALID', 'limit'],
    ['a limit with an exponent', { q: 'C', limit: '1e2' }, 'LIMIT_INVALID', 'limit'],
  ]
  it.each(cases)('rejects %s with a 400', (_, query, code, field) => {
    expect(() => parseIndustryQuery(query)).toThrow(
      expect.objectContaining({ status: 400, code, field }),
    )
  })
})
