import { describe, expect, it } from 'vitest'
import { parseBenchArguments, type BenchArguments } from '../../bench/bench-arguments.ts'

function parse(argv: string[]): BenchArguments {
  const args = parseBenchArguments(argv, '/tmp/out.md')
  if (args === 'help' || 'problem' in args) throw new Error(JSON.stringify(args))
  return args
}

describe('parseBenchArguments', () => {
  it('runs all five parts by default, with 1,000 check sites at concurrency 8', () => {
    const args = parse([])
    expect([...args.parts]).toEqual([1, 2, 3, 4, 5])
    expect(args.checkSites).toBe(1000)
    expect(args.checkConcurrency).toBe(8)
  })

  it('checks 200 sites in a quick run, and takes the part and the numbers asked for', () => {
    expect(parse(['--quick']).checkSites).toBe(200)
    const args = parse(['--parts', '4', '--check-sites', '50', '--check-concurrency', '4'])
    expect([...args.parts]).toEqual([4])
    expect(args).toMatchObject({ checkSites: 50, checkConcurrency: 4 })
  })

  it('names the option and its range when a value is wrong', () => {
    expect(parseBenchArguments(['--parts', '6'], '/tmp/out.md')).toEqual({
      problem: '--parts takes a list of 1, 2, 3, 4 and 5, got "6".',
    })
    expect(parseBenchArguments(['--check-sites', '3'], '/tmp/out.md')).toEqual({
      problem: '--check-sites takes a whole number from 10 to 100000, got "3".',
    })
  })

  it('runs the mixed load for 60 s from 200 connections, 70:15:10:5, unless told otherwise', () => {
    expect(parse([])).toMatchObject({
      mixedSeconds: 60,
      mixedConnections: 200,
      mixedWeights: [70, 15, 10, 5],
    })
    expect(parse(['--quick']).mixedSeconds).toBe(15)
    const args = parse(['--parts', '5', '--mixed-duration', '10', '--mixed-weights', '1,0,0,1'])
    expect([...args.parts]).toEqual([5])
    expect(args).toMatchObject({ mixedSeconds: 10, mixedWeights: [1, 0, 0, 1] })
  })

  it('refuses mixed weights that are not four whole numbers or are all 0', () => {
    for (const weights of ['70,15,10', '0,0,0,0', '1,2,3,x', '70,15,10,5,1']) {
      expect(parseBenchArguments(['--mixed-weights', weights], '/tmp/out.md')).toEqual({
        problem:
          '--mixed-weights takes four whole numbers, not all 0, for tiles, lookups, checks and ' +
          `reports, got "${weights}".`,
      })
    }
    expect(parseBenchArguments(['--mixed-connections', '257'], '/tmp/out.md')).toEqual({
      problem: '--mixed-connections takes a whole number from 1 to 256, got "257".',
    })
  })
})
