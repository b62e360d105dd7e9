import { describe, expect, it } from 'vitest'
import { openingView } from '../../server/tiles/opening-view.ts'

describe('openingView', () => {
  it('looks at the whole world from zoom 0', () => {
    expect(openingView([-180, -85.0511, 180, 85.0511])).toEqual({ center: [0, 0], zoom: 0 })
  })

  it('fits 2° by 2° at 27°N at zoom 7, the taller side deciding', () => {
    // Width: 2/360 of the world, 1/180. Height in Web Mercator: ln tan(45° + φ/2) is 0.47024 at
    // 26°N and 0.50940 at 28°N, so 0.03916 / 2π = 1/160.4 of the world. 160.4 px at zoom 0 is
    // 2^7.33: it fits in 512 px at zoom 7, not at zoom 8.
    expect(openingView([112, 26, 114, 28])).toEqual({ center: [113, 27], zoom: 7 })
  })

  it('looks no deeper than zoom 14, at a single point too', () => {
    expect(openingView([112.5, 27, 112.5, 27])).toEqual({ center: [112.5, 27], zoom: 14 })
    // 0.01° is 1/36,000 of the world: zoom 15 by its size, kept to 14.
    expect(openingView([112.5, 27, 112.51, 27.01]).zoom).toBe(14)
  })
})
