import { describe, expect, it } from 'vitest'
import { undecodablePath } from '../../server/http/undecodable-text.ts'

describe('finding text that was not UTF-8', () => {
  const mark = '\uFFFD'
  it('names the first string, key or item holding the replacement mark', () => {
    expect(undecodablePath({ a: 'fine', b: { c: `x${mark}` } })).toBe('b.c')
    expect(undecodablePath({ list: ['ok', 1, `${mark}`] })).toBe('list[2]')
    expect(undecodablePath({ [`k${mark}`]: 'v' })).toBe(`k${mark}`)
    expect(undecodablePath(mark)).toBe('')
  })

  it('finds nothing in text that decoded cleanly', () => {
    expect(undecodablePath({ a: '工厂烟囱', b: [1, null, true, { c: '\\ufffd' }] })).toBeUndefined()
  })
})
