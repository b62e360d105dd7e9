import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../../server/zoning/search-query.ts'

const rules = { defaultLimit: 7, maxLimit: 30, wanted: 'a name, such as 衡阳' }

describe('parseSearchQuery', () => {
  it('trims q and takes the default limit when none is given', () => {
    expect(parseSearchQuery({ q: ' 衡阳 ' }, rules)).toEqual({ q: '衡阳', limit: 7 })
  })

  it('takes a limit from 1 to the most allowed, and names that most when refusing one', () => {
    expect(parseSearchQuery({ q: 'a', limit: '30' }, rules).limit).toBe(30)
    expect(() => parseSearchQuery({ q: 'a', limit: '31' }, rules)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'LIMIT_INVALID',
        field: 'limit',
        message: 'limit must be a whole number from 1 to 30, got "31".',
      }),
    )
  })

  it('reads a code typed in full-width forms as one, and leaves names as they are', () => {
    // Ｚ is U+FF3A and ４ U+FF14: what a Chinese input method types in full-width mode.
    expect(parseSearchQuery({ q: 'ＺＨ４３０４' }, rules).q).toBe('ZH4304')
    expect(parseSearchQuery({ q: 'ｃ１３' }, rules).q).toBe('c13')
    expect(parseSearchQuery({ q: '衡阳（１号）' }, rules).q).toBe('衡阳（１号）')
  })

  it('says what q should be when it is missing', () => {
    expect(() => parseSearchQuery({ q: '  ' }, rules)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'PARAMETER_MISSING',
        field: 'q',
        message: 'q is required: a name, such as 衡阳.',
      }),
    )
  })

  it('refuses q longer than 50 characters, counted as characters', () => {
    expect(parseSearchQuery({ q: '𠀀'.repeat(50) }, rules).q).toHaveLength(100)
    expect(() => parseSearchQuery({ q: '𠀀'.repeat(51) }, rules)).toThrow(
      expect.objectContaining({ code: 'PARAMETER_TOO_LONG', field: 'q' }),
    )
  })
})
