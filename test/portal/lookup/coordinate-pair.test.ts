import { describe, expect, it } from 'vitest'
import { parsePair } from '../../../portal/src/lookup/coordinate-pair.ts'

describe('parsePair', () => {
  it('splits a pair on a comma, a Chinese comma, a semicolon or spaces', () => {
    expect(parsePair('112.6, 26.9')).toEqual(['112.6', '26.9'])
    expect(parsePair('112.6，26.9')).toEqual(['112.6', '26.9'])
    expect(parsePair('112.6;26.9')).toEqual(['112.6', '26.9'])
    expect(parsePair(' 112.6   26.9 ')).toEqual(['112.6', '26.9'])
  })

  it('puts a pair written latitude first in longitude order', () => {
    expect(parsePair('26.9, 112.6')).toEqual(['112.6', '26.9'])
  })

  it('returns undefined for anything but two numbers', () => {
    expect(parsePair('112.6')).toBeUndefined()
    expect(parsePair('112.6, 26.9, 10')).toBeUndefined()
    expect(parsePair('衡阳市')).toBeUndefined()
  })
})
