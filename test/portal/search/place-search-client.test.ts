import { describe, expect, it } from 'vitest'
import { placeSearchUrl, readPlaces } from '../../../portal/src/search/place-search-client.ts'

const unit = {
  kind: 'unit',
  code: 'ZH43040720001',
  id: 7,
  name: '衡阳松木经济开发区重点管控单元',
  class: 'key',
  district_name: '石鼓区',
  bbox: [112.58, 26.95, 112.63, 26.99],
  point: [112.6, 26.97],
}
const park = { ...unit, kind: 'park', code: null, class: null, district_name: null }

describe('placeSearchUrl', () => {
  it('asks for ten places matching the trimmed text', () => {
    expect(placeSearchUrl(' 松木 ')).toBe(`/api/search?q=${encodeURIComponent('松木')}&limit=10`)
    expect(placeSearchUrl(' \t')).toBeUndefined()
  })

  it('cuts the text to the API’s 50 characters, counted as characters', () => {
    const url = placeSearchUrl('𠀀'.repeat(60))!
    expect(new URLSearchParams(url.split('?')[1]).get('q')).toBe('𠀀'.repeat(50))
  })
})

describe('readPlaces', () => {
  it('reads the hits and whether there are more', () => {
    expect(readPlaces({ hits: [unit, park], more: true })).toEqual({
      hits: [unit, park],
      more: true,
    })
  })

  it('leaves out hits of the wrong shape, and a unit without a code', () => {
    const bad = [
      { ...unit, kind: 'river' },
      { ...unit, code: null },
      { ...unit, bbox: [1, 2, 3] },
      { ...unit, point: ['112', 26] },
    ]
    expect(readPlaces({ hits: [...bad, park], more: false })).toEqual({ hits: [park], more: false })
  })

  it('is undefined for an answer that is not a list of places', () => {
    expect(readPlaces({ error: { code: 'PARAMETER_MISSING' } })).toBeUndefined()
    expect(readPlaces(null)).toBeUndefined()
  })
})
