import { describe, expect, it } from 'vitest'
import { median, percentile, summarise } from '../../bench/sample-stats.ts'

describe('percentile', () => {
  // Nearest rank over 1…10: the p-th percentile is the ceil(p/10)-th value.
  const ten = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5]

  it('returns the nearest-rank value, always one of the measurements', () => {
    expect(percentile(ten, 50)).toBe(5)
    expect(percentile(ten, 90)).toBe(9)
    expect(percentile(ten, 99)).toBe(10)
    expect(percentile(ten, 100)).toBe(10)
    expect(percentile(ten, 0)).toBe(1)
    expect(percentile(ten, 11)).toBe(2)
  })

  it('gives the single value for any p of a single measurement', () => {
    expect(percentile([42], 1)).toBe(42)
    expect(percentile([42], 99)).toBe(42)
  })

  it('returns undefined for no values and leaves the input unsorted', () => {
    expect(percentile([], 50)).toBeUndefined()
    percentile(ten, 50)
    expect(ten[0]).toBe(7)
  })

  it('rejects p outside 0–100 with the range in the message', () => {
    expect(() => percentile(ten, 101)).toThrow('p must be between 0 and 100, got 101.')
    expect(() => percentile(ten, Number.NaN)).toThrow(RangeError)
  })
})

describe('median and summary', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeUndefined()
  })

  it('states the spread relative to the median', () => {
    expect(summarise([90, 100, 120])).toEqual({
      count: 3,
      min: 90,
      median: 100,
      max: 120,
      spread: 0.3,
    })
    expect(summarise([5])?.spread).toBe(0)
    expect(summarise([])).toBeUndefined()
  })
})
