import { describe, expect, it } from 'vitest'
import { combineSweeps, latencyByZoom } from '../../bench/cold-sweep.ts'

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
      { z: 2, count: 1, filled: 1, bytes: 9_000, p50: 250, p99: 250, max: 250 },
      { z: 9, count: 10, filled: 6, bytes: 600, p50: 5, p99: 10, max: 10 },
    ])
  })
})

describe('sweeps combined', () => {
  it('takes the median p50 and the largest p99 and maximum of each zoom', () => {
    const zoom = (z: number, p50: number, p99: number, max: number) => ({
      z,
      count: 4,
      filled: 3,
      bytes: 120,
      p50,
      p99,
      max,
    })
    const sweeps = [
      { ms: 10, zooms: [zoom(0, 5, 9, 9), zoom(1, 1, 2, 3)] },
      { ms: 12, zooms: [zoom(0, 7, 8, 20), zoom(1, 2, 6, 6)] },
      { ms: 11, zooms: [zoom(0, 6, 12, 12), zoom(1, 4, 4, 4)] },
    ]
    expect(combineSweeps(sweeps)).toEqual([zoom(0, 6, 12, 20), zoom(1, 2, 6, 6)])
  })
})
