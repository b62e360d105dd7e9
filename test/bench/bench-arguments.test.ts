import { describe, expect, it } from 'vitest'
import { parseBenchArguments, type BenchArguments } from '../../bench/bench-arguments.ts'

function parse(argv: string[]): BenchArguments {
  const args = parseBenchArguments(argv, '/tmp/out.md')
  if (args === 'help' || 'problem' in args) throw new Error(JSON.stringify(args))
  return args
}

describe('parseBenchArguments', () => {
  it('runs all four parts by default, with 1,000 check sites at concurrency 8', () => {
    const args = parse([])
    expect([...args.parts]).toEqual([1, 2, 3, 4])
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
    expect(parseBenchArguments(['--parts', '5'], '/tmp/out.md')).toEqual({
      problem: '--parts takes a list of 1, 2, 3 and 4, got "5".',
    })
    expect(parseBenchArguments(['--check-sites', '3'], '/tmp/out.md')).toEqual({
      problem: '--check-sites takes a whole number from 10 to 100000, got "3".',
    })
  })
})
