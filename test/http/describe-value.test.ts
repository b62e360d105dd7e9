import { describe, expect, it } from 'vitest'
import { describeValue } from '../../server/http/describe-value.ts'

describe('describing a value a client sent', () => {
  it('quotes text, escaping what draws nothing', () => {
    expect(describeValue('C2614\u200b')).toBe('"C2614\\u200b"')
    expect(describeValue('\u202eabc\u00ad')).toBe('"\\u202eabc\\u00ad"')
    expect(describeValue('工厂 A-1')).toBe('"工厂 A-1"')
  })

  it('cuts long text and names other kinds', () => {
    expect(describeValue('x'.repeat(50), 4)).toBe('"xxxx…"')
    expect([describeValue(3), describeValue(null), describeValue([1])]).toEqual([
      '3',
      'null',
      'an array',
    ])
    expect(describeValue({ a: 1 })).toBe('a JSON object')
  })
})
