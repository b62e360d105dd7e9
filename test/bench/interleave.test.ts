import { describe, expect, it } from 'vitest'
import { interleave } from '../../bench/interleave.ts'

describe('interleave', () => {
  it('alternates the order of the sides from round to round', async () => {
    const calls: string[] = []
    const side = (name: string) => ({
      name,
      measure: async () => {
        calls.push(name)
        return calls.length
      },
    })
    const results = await interleave([side('a'), side('b'), side('c')], 3)
    expect(calls).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c'])
    expect(results.get('a')).toEqual([1, 6, 7])
    expect(results.get('c')).toEqual([3, 4, 9])
  })
})
