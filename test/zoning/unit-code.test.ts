import { describe, expect, it } from 'vitest'
import { HttpError } from '../../server/http/http-error.ts'
import { normaliseUnitCode, parseUnitCode } from '../../server/zoning/unit-code.ts'

describe('normaliseUnitCode', () => {
  it('reads a code trimmed and in upper case', () => {
    expect(normaliseUnitCode(' zh43040720001\n')).toBe('ZH43040720001')
  })

  it.each(['', 'ZH4304072000', 'ZH430407200011', 'ZH4304072000A', 'HZ43040720001', '../ZH'])(
    'refuses %j',
    (text) => {
      expect(normaliseUnitCode(text)).toBeUndefined()
    },
  )
})

describe('parseUnitCode', () => {
  it('throws a 400 naming the field, with the value cut short', () => {
    let thrown: unknown
    try {
      parseUnitCode('x'.repeat(500), 'code')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(HttpError)
    const error = thrown as HttpError
    expect([error.status, error.code, error.field]).toEqual([400, 'UNIT_CODE_INVALID', 'code'])
    expect(error.message.length).toBeLessThan(160)
  })
})
