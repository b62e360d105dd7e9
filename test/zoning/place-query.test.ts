import { describe, expect, it } from 'vitest'
import { HttpError } from '../../server/http/http-error.ts'
import { parsePlaceQuery } from '../../server/zoning/place-query.ts'
import { likeLiteral } from '../../server/zoning/place-search.ts'

function refusal(query: Record<string, string | string[] | undefined>) {
  try {
    parsePlaceQuery(query)
  } catch (error) {
    if (error instanceof HttpError)
      return { status: error.status, code: error.code, field: error.field }
  }
  return undefined
}

describe('parsePlaceQuery', () => {
  it('trims q and gives limit its default', () => {
    expect(parsePlaceQuery({ q: '  衡阳县 ' })).toEqual({ q: '衡阳县', limit: 10 })
  })

  it('reads a limit from 1 to 20', () => {
    expect(parsePlaceQuery({ q: 'a', limit: '1' }).limit).toBe(1)
    expect(parsePlaceQuery({ q: 'a', limit: ' 20 ' }).limit).toBe(20)
  })

  it('counts characters, not UTF-16 units', () => {
    // 50 characters outside the Basic Multilingual Plane are 100 UTF-16 units.
    expect(parsePlaceQuery({ q: '𠀀'.repeat(50) }).q).toHaveLength(100)
    expect(refusal({ q: '𠀀'.repeat(51) })?.code).toBe('PARAMETER_TOO_LONG')
  })

  type Query = Record<string, string | string[] | undefined>
  it.each<[Query, string, string]>([
    [{}, 'PARAMETER_MISSING', 'q'],
    [{ q: ' \t ' }, 'PARAMETER_MISSING', 'q'],
    [{ q: 'x'.repeat(51) }, 'PARAMETER_TOO_LONG', 'q'],
    [{ q: 'a\u0007b' }, 'PARAMETER_INVALID', 'q'],
    [{ q: ['a', 'b'] }, 'PARAMETER_REPEATED', 'q'],
    [{ q: 'a', limit: '0' }, 'LIMIT_INVALID', 'limit'],
    [{ q: 'a', limit: '21' }, 'LIMIT_INVALID', 'limit'],
    [{ q: 'a', limit: '-1' }, 'LIMIT_INVALID', 'limit'],
    [{ q: 'a', limit: '1e1' }, 'LIMIT_INVALID', 'limit'],
    [{ q: 'a', limit: ['1', '2'] }, 'PARAMETER_REPEATED', 'limit'],
  ])('refuses %j with 400 %s', (query, code, field) => {
    expect(refusal(query)).toEqual({ status: 400, code, field })
  })
})

describe('likeLiteral', () => {
  it('escapes the wildcards and the escape character, and nothing else', () => {
    expect(likeLiteral('100%_完成')).toBe('100\\%\\_完成')
    expect(likeLiteral('a\\b')).toBe('a\\\\b')
    expect(likeLiteral("衡阳县' OR 1=1")).toBe("衡阳县' OR 1=1")
  })
})
