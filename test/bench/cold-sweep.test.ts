import { describe, expect, it } from 'vitest'
import { latencyByZoom } from '../../bench/cold-sweep.ts'

describe('latency by zoom', () => {
  it('groups timings by zoom, ascending, with percentiles and content counts', () => {
    const timings = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((ms, i) => ({
        tile: { z: 9, x: i, y: 0 },
        ms,
        bytes: i < 4 ? 0 : 100,
      })),
      { tile: { z: 2, x: 3, y: 1 }, ms: 250, bytes: 9_000 },
    ]
    expect(latencyByZoom(timings)).toEqual([
      { z: 2, count: 1, filled: 1, p50: 250, p99: 250, max: 250, total: 250 },
      { z: 9, count: 10, filled: 6, p50: 5, p99: 10, max: 10, total: 55 },
    ])
  })
})
