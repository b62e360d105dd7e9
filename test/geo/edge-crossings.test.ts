import type { Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { countEdgeCrossings } from '../../server/geo/edge-crossings.ts'

const closed = (points: number[][]): Position[] => [...points, points[0]!]

describe('edge crossings', () => {
  it('finds none in a square, a square with a hole, or one with a repeated vertex', () => {
    const square = closed([[0, 0], [4, 0], [4, 4], [0, 4]]) // prettier-ignore
    const hole = closed([[1, 1], [1, 3], [3, 3], [3, 1]]) // prettier-ignore
    const repeated = closed([[0, 0], [4, 0], [4, 0], [4, 4], [0, 4]]) // prettier-ignore
    expect(countEdgeCrossings([square], 10)).toBe(0)
    expect(countEdgeCrossings([square, hole], 10)).toBe(0)
    expect(countEdgeCrossings([repeated], 10)).toBe(0)
  })

  it('counts the one crossing of a bow-tie and the five of a pentagram', () => {
    expect(
      countEdgeCrossings(
        [
          closed([
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
          ]),
        ],
        10,
      ),
    ).toBe(1)
    // The five points of a star drawn by joining every second vertex of a regular pentagon.
    const star = [0, 2, 4, 1, 3].map((k) => {
      const angle = Math.PI / 2 + (2 * Math.PI * k) / 5
      return [Math.cos(angle), Math.sin(angle)]
    })
    expect(countEdgeCrossings([closed(star)], 10)).toBe(5)
  })

  it('counts a hole that touches its shell', () => {
    const square = closed([[0, 0], [4, 0], [4, 4], [0, 4]]) // prettier-ignore
    const touching = closed([[0, 2], [2, 3], [2, 1]]) // prettier-ignore
    expect(countEdgeCrossings([square, touching], 10)).toBeGreaterThan(0)
  })

  it("counts where a line's first and last edges meet, which a ring's do by construction", () => {
    const loop = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]] // prettier-ignore
    expect(countEdgeCrossings([loop], 10)).toBe(0)
    expect(countEdgeCrossings([loop], 10, { open: true })).toBe(1)
    // First and last edges cross at (1, 1).
    const hook = [[0, 1], [4, 1], [4, 4], [1, 4], [1, 0]] // prettier-ignore
    expect(countEdgeCrossings([hook], 10, { open: true })).toBe(1)
  })

  it('stops once past the limit, even for thousands of tangled edges', () => {
    let seed = 7
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1
    const scribble = closed(Array.from({ length: 5000 }, () => [next(), next()]))
    const started = performance.now()
    expect(countEdgeCrossings([scribble], 10)).toBe(11)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
